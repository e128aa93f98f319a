import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles, Role } from '@ct/auth';
import { GetTransitionQuery } from './get-transition/get-transition.query';

@ApiTags('transitions')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator, Role.Ops)
@Controller('api/v1/transitions')
export class TransitionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary: 'A transition: status, pathway, tasks and its timeline (events, steps, reminders, breaches)',
  })
  get(@Param('id') id: string) {
    return this.queries.execute(new GetTransitionQuery(id));
  }
}
