import { Body, Controller, Headers, HttpStatus, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodBody } from '@ct/observability';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import { FhirHttpErrorFilter } from './fhir-http-error.filter';
import { notificationBundleSchema } from './notification-bundle.schema';
import { operationOutcome } from './operation-outcome';
import { ProcessMessageCommand } from './process-message.command';
import { sendFhir } from './send-fhir';

export const FHIR_MEDIA_TYPES = ['application/fhir+json', 'application/json'];

const isFhirJson = (contentType: string | undefined) =>
  FHIR_MEDIA_TYPES.includes((contentType ?? '').split(';')[0].trim().toLowerCase());

/** FHIR bodies reach the handler as text: the archive keeps the bytes as sent, bad JSON gets an OperationOutcome. */
export const isFhirBody = (req: IncomingMessage) =>
  (req.url ?? '').startsWith('/fhir/') && isFhirJson(req.headers['content-type']);

@ApiTags('fhir')
@ApiBearerAuth()
@RequireRoles(Role.Feed)
@UseFilters(FhirHttpErrorFilter)
@Controller('fhir')
export class ProcessMessageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('$process-message')
  @ApiOperation({ summary: 'Ingest a Da Vinci admit/transfer/discharge notification message Bundle' })
  @ApiZodBody(notificationBundleSchema, FHIR_MEDIA_TYPES)
  @ApiResponse({
    status: 200,
    description: 'Response message Bundle (code ok): durably handed on, or a resend of one that was',
  })
  @ApiResponse({
    status: 400,
    description: 'OperationOutcome: not a FHIR message Bundle; kept in quarantine',
  })
  @ApiResponse({
    status: 422,
    description: 'OperationOutcome: a message Bundle we cannot use; kept in quarantine',
  })
  @ApiResponse({
    status: 503,
    description: 'OperationOutcome (transient): hand-off unavailable; resend later',
  })
  async process(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Actor() feed: Principal,
    @Res() res: Response,
  ): Promise<void> {
    if (typeof body !== 'string' || !isFhirJson(contentType)) {
      const issue = {
        severity: 'error' as const,
        code: 'not-supported' as const,
        diagnostics: `Send ${FHIR_MEDIA_TYPES.join(' or ')}`,
      };
      sendFhir(res, HttpStatus.UNSUPPORTED_MEDIA_TYPE, operationOutcome([issue]));
      return;
    }
    const result = await this.commands.execute(new ProcessMessageCommand(body, `token:${feed.subject}`));
    sendFhir(res, result.status, result.body);
  }
}
