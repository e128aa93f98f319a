import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer is `Cache-Control: no-store`: task details hold patient details that a shared
 * ward PC's browser or a proxy must not keep, and every answer is live state. It also keeps a
 * browser from revalidating a task with its ETag (the step's revision, for If-Match), which does
 * not change when, say, an attempt is counted, and being handed back a stale copy with a 304.
 */
@Injectable()
export class NoStoreMiddleware implements NestMiddleware {
  use(_request: Request, response: Response, next: NextFunction): void {
    response.setHeader('Cache-Control', 'no-store');
    next();
  }
}
