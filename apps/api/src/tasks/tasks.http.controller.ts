import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@ct/observability';
import {
  CompleteTaskCommand,
  completeTaskRequestSchema,
  type CompleteTaskRequest,
} from './complete-task/complete-task.command';
import {
  GetWorklistQuery,
  worklistFilterSchema,
  type WorklistFilter,
} from './get-worklist/get-worklist.query';

@ApiTags('tasks')
@Controller('api/v1/tasks')
export class TasksHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Worklist: tasks filtered by status, role, facility or transition, soonest due first',
  })
  list(@Query(new ZodValidationPipe(worklistFilterSchema)) filter: WorklistFilter) {
    return this.queries.execute(new GetWorklistQuery(filter));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the outcome of a task; the transition validates it and moves on' })
  complete(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(completeTaskRequestSchema)) body: CompleteTaskRequest,
  ) {
    return this.commands.execute(new CompleteTaskCommand(id, body));
  }
}
