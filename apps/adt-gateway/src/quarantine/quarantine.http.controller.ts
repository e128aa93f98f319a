import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles, Role } from '@ct/auth';
import type { Response } from 'express';
import { ApiZodResponse, ZodValidationPipe } from '@ct/observability';
import {
  ListQuarantineQuery,
  quarantineFilterSchema,
  quarantinePageSchema,
  type QuarantineFilter,
} from './list-quarantine.query';
import { ReplayMessageCommand, replayResultSchema } from './replay-message.command';

/** Operators: what the gateway could not accept, why, and a way to run it again. */
@ApiTags('ops')
@ApiBearerAuth()
@RequireRoles(Role.Ops)
@Controller('api/v1/ops/quarantine')
export class QuarantineHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Quarantined (rejected) and failed messages, newest first, with the reason' })
  @ApiZodResponse(200, quarantinePageSchema, 'One page of messages and how many match in all')
  list(@Query(new ZodValidationPipe(quarantineFilterSchema)) filter: QuarantineFilter) {
    return this.queries.execute(new ListQuarantineQuery(filter));
  }

  @Post(':id/replay')
  @ApiOperation({ summary: 'Run an archived message through ingest again; answers with its new ACK/NAK' })
  @ApiZodResponse(200, replayResultSchema, 'Accepted, or a resend of one that was')
  @ApiZodResponse(422, replayResultSchema, 'Rejected again; still in quarantine')
  @ApiZodResponse(503, replayResultSchema, 'Hand-off unavailable; try again later')
  async replay(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const result = await this.commands.execute(new ReplayMessageCommand(id));
    const status =
      result.outcome === 'rejected'
        ? HttpStatus.UNPROCESSABLE_ENTITY
        : result.outcome === 'unavailable'
          ? HttpStatus.SERVICE_UNAVAILABLE
          : HttpStatus.OK;
    res.status(status).json(result);
  }
}
