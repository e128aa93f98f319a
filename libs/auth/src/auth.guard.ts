import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import type { Principal, Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const PROBLEMS = 'https://care-transitions.dev/problems';

/**
 * Every route needs a valid bearer token unless marked @Public(); a route with @RequireRoles()
 * needs one of those roles too. 401 and 403 leave as problem+json, 401 with WWW-Authenticate.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { principal?: Principal }>();
    const response = http.getResponse<Response>();

    const [scheme, token, ...rest] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="care-transitions"');
      throw unauthenticated('Send an access token: Authorization: Bearer <token>');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) {
        this.logger.error({ err: error }, 'cannot check access tokens: signing keys unavailable');
        throw new HttpException(
          {
            type: `${PROBLEMS}/auth-unavailable`,
            title: 'Cannot check tokens now',
            detail: (error as Error).message,
          },
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      // for operators: a feed or client with a bad token shows up here (the token is never logged)
      this.logger.warn({ path: request.path, reason: error.message }, 'access token refused');
      const description = error.message.replace(/"/g, "'");
      response.setHeader(
        'WWW-Authenticate',
        `Bearer realm="care-transitions", error="invalid_token", error_description="${description}"`,
      );
      throw unauthenticated(`The access token is not accepted: ${error.message}`);
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => request.principal!.roles.includes(role))) {
      throw new HttpException(
        {
          type: `${PROBLEMS}/forbidden`,
          title: 'Forbidden',
          detail: `This needs the role ${required.join(' or ')}`,
        },
        HttpStatus.FORBIDDEN,
      );
    }
    return true;
  }
}

const unauthenticated = (detail: string) =>
  new HttpException(
    { type: `${PROBLEMS}/unauthenticated`, title: 'Unauthenticated', detail },
    HttpStatus.UNAUTHORIZED,
  );
