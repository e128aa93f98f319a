import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, ZodValidationPipe } from '@ct/observability';
import {
  accessLogFilterSchema,
  accessLogPageSchema,
  ListAccessLogQuery,
  type AccessLogFilter,
} from './list-access-log/list-access-log.query';

@ApiTags('access-log')
@ApiBearerAuth()
@RequireRoles(Role.Compliance)
@Controller('api/v1/access-log')
export class AccessLogHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Reads of patient context (who, which patient, task, route, when), newest first, of your facilities',
  })
  @ApiZodResponse(200, accessLogPageSchema, 'One page of the access log')
  list(
    @Query(new ZodValidationPipe(accessLogFilterSchema)) filter: AccessLogFilter,
    @Actor() actor: Principal,
  ) {
    return this.queries.execute(new ListAccessLogQuery(filter, actor));
  }
}
