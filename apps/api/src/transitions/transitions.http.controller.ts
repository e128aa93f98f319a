import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse } from '@ct/observability';
import { GetTransitionQuery } from './get-transition/get-transition.query';
import { transitionViewSchema } from './transition.view';

@ApiTags('transitions')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator, Role.Ops)
@Controller('api/v1/transitions')
export class TransitionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary: 'A transition: status, pathway, tasks and its timeline (events, steps, reminders, breaches)',
    description: 'Of one of the caller’s facilities (the token’s facilities claim); any other is a 404.',
  })
  @ApiZodResponse(200, transitionViewSchema, 'The transition')
  get(@Param('id') id: string, @Actor() actor: Principal) {
    return this.queries.execute(new GetTransitionQuery(id, actor));
  }
}
