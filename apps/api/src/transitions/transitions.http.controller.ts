import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetTransitionQuery } from './get-transition/get-transition.query';

@ApiTags('transitions')
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
