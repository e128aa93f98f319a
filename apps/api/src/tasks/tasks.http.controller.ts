import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, ZodValidationPipe } from '@ct/observability';
import {
  ClaimTaskCommand,
  claimTaskRequestSchema,
  type ClaimTaskRequest,
} from './claim-task/claim-task.command';
import {
  CompleteTaskCommand,
  completeTaskRequestSchema,
  completeTaskResultSchema,
  type CompleteTaskRequest,
} from './complete-task/complete-task.command';
import { GetTaskDetailQuery } from './get-task-detail/get-task-detail.query';
import { taskDetailSchema } from './get-task-detail/task-detail.view';
import {
  GetWorklistQuery,
  worklistFilterSchema,
  worklistSchema,
  worklistSearchSchema,
  type WorklistFilter,
} from './get-worklist/get-worklist.query';
import { parseIfMatch, withEtag } from './if-match';
import {
  ReassignTaskCommand,
  reassignTaskRequestSchema,
  type ReassignTaskRequest,
} from './reassign-task/reassign-task.command';
import { taskClaimSchema } from './task-claim.view';
import { TaskWriteDocs } from './task-write.docs';
import {
  UnclaimTaskCommand,
  unclaimTaskRequestSchema,
  type UnclaimTaskRequest,
} from './unclaim-task/unclaim-task.command';

const claimResult = 'Who holds the task now, and its revision (also the ETag header)';

@ApiTags('tasks')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator)
@Controller('api/v1/tasks')
export class TasksHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Worklist of the caller's facilities: my tasks, the pool for my roles, or all; filtered, sorted, a cursor page at a time",
  })
  @ApiZodResponse(
    200,
    worklistSchema,
    'One page of tasks, how many match in all, and the counts of each view',
  )
  list(
    @Query(new ZodValidationPipe(worklistFilterSchema)) filter: WorklistFilter,
    @Actor() actor: Principal,
  ) {
    return this.queries.execute(new GetWorklistQuery(filter, actor));
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The worklist searched by patient (MRN) as well: identifiers go in the body, never in a URL',
  })
  @ApiZodResponse(
    200,
    worklistSchema,
    'One page of tasks, how many match in all, and the counts of each view',
  )
  search(
    @Body(new ZodValidationPipe(worklistSearchSchema)) filter: WorklistFilter,
    @Actor() actor: Principal,
  ) {
    return this.queries.execute(new GetWorklistQuery(filter, actor));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A task with its patient (name, birth date, phones, address, language, PCP) and visit; every read is in the access log',
  })
  @ApiZodResponse(
    200,
    taskDetailSchema,
    'The task, its patient and visit (null until a message for the visit is stored)',
  )
  @ApiResponse({ status: 404, description: 'No such task, or one outside your facilities (the same answer)' })
  @ApiResponse({ status: 503, description: 'The read could not be recorded in the access log; retry' })
  async detail(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Actor() actor: Principal,
    @Req() req: { id: string | number },
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = { route: 'GET /api/v1/tasks/:id', requestId: String(req.id) };
    // its ETag, for an If-Match on the writes that follow
    return withEtag(response, await this.queries.execute(new GetTaskDetailQuery(id, actor, request)));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Take an open task (holders of the step's role): it stays the caller's until they unclaim it or a supervisor reassigns it; claiming one's own again changes nothing",
  })
  @ApiZodResponse(200, taskClaimSchema, claimResult)
  @TaskWriteDocs()
  async claim(
    @Param('id', new ParseUUIDPipe()) id: string,
    // validated only: the body must be empty, so it cannot name another claimer
    @Body(new ZodValidationPipe(claimTaskRequestSchema)) _body: ClaimTaskRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = new ClaimTaskCommand(id, actor, parseIfMatch(ifMatch));
    return withEtag(response, await this.commands.execute(command));
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a task one holds back to the pool of its role' })
  @ApiZodResponse(200, taskClaimSchema, claimResult)
  @TaskWriteDocs()
  async unclaim(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(unclaimTaskRequestSchema)) body: UnclaimTaskRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = new UnclaimTaskCommand(id, actor, body, parseIfMatch(ifMatch));
    return withEtag(response, await this.commands.execute(command));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Supervisors: hand a task to a named person (subject id) or back to the pool (null), with a reason code',
  })
  @ApiZodResponse(200, taskClaimSchema, claimResult)
  @TaskWriteDocs()
  async reassign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(reassignTaskRequestSchema)) body: ReassignTaskRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = new ReassignTaskCommand(id, actor, body, parseIfMatch(ifMatch));
    return withEtag(response, await this.commands.execute(command));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record the outcome of a task (its holder or a supervisor; unclaimed, any holder of the step's role); the transition validates it and moves on",
  })
  @ApiZodResponse(
    200,
    completeTaskResultSchema,
    'Whether the transition took the outcome, its next step, and the revision (ETag)',
  )
  @TaskWriteDocs()
  async complete(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(completeTaskRequestSchema)) body: CompleteTaskRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = new CompleteTaskCommand(id, actor, body, parseIfMatch(ifMatch));
    return withEtag(response, await this.commands.execute(command));
  }
}
