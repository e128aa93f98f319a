import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse } from '@ct/observability';
import { taskChangeSchema } from './task-change';
import { TaskStreamHub } from './task-stream.hub';

/**
 * Live worklist updates as server-sent events (docs/notifications.md). A browser reads it with
 * fetch and a ReadableStream, because EventSource cannot send the bearer header.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@RequireRoles(Role.Coordinator, Role.Ops)
@Controller('api/v1/tasks/stream')
export class TaskStreamHttpController {
  constructor(private readonly hub: TaskStreamHub) {}

  @Get()
  @ApiOperation({
    summary: "Server-sent events of task changes in the caller's facilities (ids and codes only)",
    description:
      'Events: `ready` (connected; re-read the list), `task` (data: TaskChange, the task as it is now), ' +
      '`reset` (changes may have been missed: re-read the list). A comment line every ~15 s keeps the ' +
      'stream alive. Reconnect with `Last-Event-ID` to get what was missed, if this server still has it. ' +
      '503 with Retry-After when the server has as many streams open as it allows.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received' })
  @ApiZodResponse(
    200,
    taskChangeSchema,
    'text/event-stream; each `task` event carries one TaskChange',
    'text/event-stream',
  )
  stream(
    @Actor() actor: Principal,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and the like would otherwise buffer the stream
      'x-accel-buffering': 'no',
    };
    const sink = {
      write: (chunk: string) => {
        if (!response.headersSent) response.status(200).set(headers);
        return response.write(chunk);
      },
      end: () => response.end(),
      get writableLength() {
        return response.writableLength;
      },
    };
    try {
      request.on('close', this.hub.connect(actor, sink, lastEventId));
    } catch (error) {
      response.setHeader('Retry-After', '5'); // the 503 of a full server
      throw error;
    }
  }
}
