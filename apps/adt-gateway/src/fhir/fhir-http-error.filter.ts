import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { operationOutcome, type IssueCode } from './operation-outcome';
import { sendFhir } from './send-fhir';

const CODES: Partial<Record<number, IssueCode>> = {
  [HttpStatus.UNAUTHORIZED]: 'login',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'transient',
};

/**
 * A FHIR client reads errors as an OperationOutcome: an HTTP error raised before the handler
 * (no token, wrong role, keys unavailable) leaves as one, with the same status and headers.
 */
@Catch(HttpException)
export class FhirHttpErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const detail =
      typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string'
        ? body.detail
        : exception.message;
    const outcome = operationOutcome([
      { severity: 'error', code: CODES[status] ?? 'processing', diagnostics: detail },
    ]);
    sendFhir(host.switchToHttp().getResponse<Response>(), status, outcome);
  }
}
