import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { seesFacility, type Principal } from '@ct/auth';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { MetricsRegistry, ProblemException } from '@ct/observability';
import type { TaskChange } from './task-change';

/** What the hub needs of an HTTP response: write a frame, end it, see how much is buffered. */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  readonly writableLength: number;
}

interface Client {
  principal: Principal;
  sink: StreamSink;
}

// changes kept for a reconnect's Last-Event-ID; older ids get a reset (re-read the list)
const RECENT = 2_000;
// a client this far behind is cut off: it reconnects and catches up from RECENT, or re-reads
const MAX_BUFFERED_BYTES = 1_000_000;

const frame = (event: string, id: string | undefined, data: unknown) =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Fans task changes out to the open streams of this process, each only the changes of its
 * caller's facilities. Event ids are `<epoch>-<sequence>`: a reconnect with a Last-Event-ID of
 * this epoch within the last RECENT changes gets what it missed; any other gets `reset`.
 */
@Injectable()
export class TaskStreamHub implements OnModuleInit, BeforeApplicationShutdown {
  private readonly clients = new Set<Client>();
  private readonly recent: { seq: number; change: TaskChange }[] = [];
  private epoch = randomUUID().slice(0, 8);
  private seq = 0;
  private heartbeat?: NodeJS.Timeout;
  private readonly rejected: Counter;

  constructor(
    @Inject(APP_ENV) private readonly env: Pick<ApiEnv, 'TASK_STREAM_MAX' | 'TASK_STREAM_HEARTBEAT_MS'>,
    registry: MetricsRegistry,
  ) {
    const clients = this.clients;
    new Gauge({
      name: 'ct_api_task_streams_open',
      help: 'Task change streams (GET /api/v1/tasks/stream) open on this process',
      registers: [registry],
      collect() {
        this.set(clients.size);
      },
    });
    this.rejected = new Counter({
      name: 'ct_api_task_streams_rejected_total',
      help: 'Streams refused with 503 because TASK_STREAM_MAX were open',
      registers: [registry],
    });
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), this.env.TASK_STREAM_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get open(): number {
    return this.clients.size;
  }

  /** Adds a stream (503 when full) and returns how to remove it; `ready` (or what it missed) goes first. */
  connect(principal: Principal, sink: StreamSink, lastEventId?: string): () => void {
    if (this.clients.size >= this.env.TASK_STREAM_MAX) {
      this.rejected.inc();
      throw new ProblemException({
        type: 'https://care-transitions.dev/problems/too-many-streams',
        title: 'Too many open streams',
        status: 503,
        detail:
          'This server has as many task streams open as it allows; retry in a few seconds (Retry-After).',
      });
    }
    const client = { principal, sink };
    sink.write(`retry: 3000\n\n`);
    const missed = this.since(lastEventId);
    if (missed) for (const { seq, change } of missed) this.send(client, seq, change);
    else sink.write(frame(lastEventId ? 'reset' : 'ready', this.currentId(), {}));
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  publish(change: TaskChange): void {
    this.seq += 1;
    this.recent.push({ seq: this.seq, change });
    if (this.recent.length > RECENT) this.recent.shift();
    for (const client of this.clients) this.send(client, this.seq, change);
  }

  /** Changes may have been missed (the listener reconnected): every stream re-reads, old ids are void. */
  reset(): void {
    this.epoch = randomUUID().slice(0, 8);
    this.recent.length = 0;
    this.broadcast(frame('reset', this.currentId(), {}));
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    // open streams would hold the HTTP server's close; clients reconnect to another instance
    for (const client of this.clients) client.sink.end();
    this.clients.clear();
  }

  private currentId(): string {
    return `${this.epoch}-${this.seq}`;
  }

  private since(lastEventId: string | undefined) {
    const match = /^([0-9a-f]{8})-(\d+)$/.exec(lastEventId ?? '');
    if (!match || match[1] !== this.epoch) return undefined;
    const seen = Number(match[2]);
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    if (seen > this.seq || seen < oldest - 1) return undefined;
    return this.recent.filter(({ seq }) => seq > seen);
  }

  private send(client: Client, seq: number, change: TaskChange): void {
    if (!seesFacility(client.principal, change.facility)) return;
    this.write(client, frame('task', `${this.epoch}-${seq}`, change));
  }

  private broadcast(chunk: string): void {
    for (const client of this.clients) this.write(client, chunk);
  }

  private write(client: Client, chunk: string): void {
    if (client.sink.writableLength > MAX_BUFFERED_BYTES) {
      this.clients.delete(client);
      client.sink.end();
      return;
    }
    client.sink.write(chunk);
  }
}
