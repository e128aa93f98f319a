import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, problemDetailsSchema, ZodValidationPipe } from '@ct/observability';
import { attemptListSchema } from './attempt.view';
import { ListAttemptsQuery } from './list-attempts.query';
import {
  RecordAttemptCommand,
  recordAttemptRequestSchema,
  recordAttemptResultSchema,
  type RecordAttemptRequest,
} from './record-attempt.command';

const PROBLEM = 'application/problem+json';

/** Outreach attempts on a task: each call, visit or letter, with its channel, outcome and time. */
@ApiTags('tasks')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator)
@Controller('api/v1/tasks/:id/attempts')
export class AttemptsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Record an outreach attempt (422 if contactedAt is in the future or before the discharge); ' +
      'a contact, or two unsuccessful attempts in the window, completes the TCM contact step',
  })
  @ApiZodResponse(
    201,
    recordAttemptResultSchema,
    'The attempt, the count so far, and whether it met the step',
  )
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(recordAttemptRequestSchema)) body: RecordAttemptRequest,
    @Actor() actor: Principal,
  ) {
    return this.commands.execute(new RecordAttemptCommand(id, actor, body));
  }

  @Get()
  @ApiOperation({ summary: "The task's outreach attempts, earliest contact first, with their notes" })
  @ApiZodResponse(200, attemptListSchema, 'The attempts and how many')
  @ApiZodResponse(404, problemDetailsSchema, 'No such task within your facilities', PROBLEM)
  list(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal) {
    return this.queries.execute(new ListAttemptsQuery(id, actor));
  }
}
