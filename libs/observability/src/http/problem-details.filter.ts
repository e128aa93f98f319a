import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProblemDetails } from './problem-details.schema';

export type { ProblemDetails };

/** Every HTTP error leaves as RFC 9457 problem+json; an unexpected one says nothing of its internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.path;
    problem.correlationId = request.id;
    if (problem.status >= 500) this.logger.error({ err: exception }, 'request failed');
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (!(exception instanceof HttpException)) {
      return {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: HttpStatus.INTERNAL_SERVER_ERROR,
      };
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'title' in body)
      return { ...(body as ProblemDetails), status };
    const detail = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return {
      type: 'about:blank',
      title:
        HttpStatus[status]
          ?.replace(/_/g, ' ')
          .toLowerCase()
          .replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
      status,
      detail: Array.isArray(detail) ? detail.join('; ') : typeof detail === 'string' ? detail : undefined,
    };
  }
}

/** Throw this for a problem with a specific type and detail. */
export class ProblemException extends HttpException {
  constructor(problem: Omit<ProblemDetails, 'instance' | 'correlationId'>) {
    super(problem, problem.status);
  }
}
