import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodBody } from '@ct/observability';
import { z } from 'zod';
import type { Response } from 'express';
import { IngestMessageCommand, type IngestOutcome } from '../ingest/ingest-message.command';

export const HL7_MEDIA_TYPES = ['text/plain', 'application/hl7-v2', 'x-application/hl7-v2+er7'];

const STATUS: Record<IngestOutcome, number> = {
  accepted: HttpStatus.OK,
  duplicate: HttpStatus.OK,
  rejected: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

@ApiTags('adt')
@ApiBearerAuth()
@RequireRoles(Role.Feed)
@Controller('api/v1/adt')
export class Hl7HttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('hl7')
  @ApiOperation({ summary: 'Ingest one raw HL7 v2 message; the body of the answer is its ACK or NAK' })
  @ApiZodBody(z.string().meta({ description: 'One HL7 v2 message, ER7 (pipe-delimited)' }), HL7_MEDIA_TYPES)
  @ApiResponse({ status: 200, description: 'AA/CA: durably handed on (or a resend of one that was)' })
  @ApiResponse({ status: 422, description: 'AE/AR/CE/CR: rejected, with ERR segments; kept in quarantine' })
  @ApiResponse({ status: 503, description: 'AE/CE: hand-off unavailable; resend later' })
  async ingest(@Body() body: unknown, @Actor() feed: Principal, @Res() res: Response): Promise<void> {
    const raw = typeof body === 'string' ? body : '';
    const result = await this.commands.execute(
      new IngestMessageCommand(raw, 'http', `token:${feed.subject}`),
    );
    res.status(STATUS[result.outcome]).type('x-application/hl7-v2+er7').send(result.ack);
  }
}
