import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, ZodValidationPipe } from '@ct/observability';
import {
  deadLetterFilterSchema,
  deadLetterPageSchema,
  deadLetterViewSchema,
  ListDeadLettersQuery,
  type DeadLetterFilter,
} from './list-dead-letters.query';
import { requireEveryFacility } from '../facility-scope';
import { discardBodySchema, ResolveDeadLetterCommand, type DiscardBody } from './resolve-dead-letter.command';

// a dead letter has no facility column (its key is a transition, care event or patient key)
const DEAD_LETTERS = 'Dead letters';

/** Ops: records a stage after the ACK gave up on, why, and replay or discard. */
@ApiTags('ops')
@ApiBearerAuth()
@RequireRoles(Role.Ops)
@Controller('api/v1/ops/dead-letters')
export class DeadLettersHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Dead letters (default: open), oldest first, with stage, reason, attempts and age',
    description:
      'Only for a token granting every facility (facilities claim *), else 403; so are replay and discard.',
  })
  @ApiZodResponse(200, deadLetterPageSchema, 'One page of dead letters and how many match in all')
  list(
    @Query(new ZodValidationPipe(deadLetterFilterSchema)) filter: DeadLetterFilter,
    @Actor() actor: Principal,
  ) {
    requireEveryFacility(actor, DEAD_LETTERS);
    return this.queries.execute(new ListDeadLettersQuery(filter));
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Ask for a replay: the orchestrator runs it within seconds; a new failure reopens it',
  })
  @ApiZodResponse(202, deadLetterViewSchema, 'The dead letter, now replay-requested')
  replay(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal) {
    requireEveryFacility(actor, DEAD_LETTERS);
    return this.commands.execute(new ResolveDeadLetterCommand(id, 'replay', actor.subject));
  }

  @Post(':id/discard')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Discard with a reason (kept with who did it)' })
  @ApiZodResponse(200, deadLetterViewSchema, 'The dead letter, now discarded')
  discard(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(discardBodySchema)) body: DiscardBody,
    @Actor() actor: Principal,
  ) {
    requireEveryFacility(actor, DEAD_LETTERS);
    return this.commands.execute(new ResolveDeadLetterCommand(id, 'discard', actor.subject, body.reason));
  }
}
