import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a path answers the n-th request to it (1-based): a status code. */
export type Answer = (n: number) => number;

/** A local HTTP receiver of webhooks: records every request, answers per path (404 if none). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly counts = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () =>
        response.writeHead(receiver.take(request.url ?? '/', request.headers, chunks)).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // requests come only after listen(): by then the handler's receiver is set
    const receiver = new WebhookReceiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    return receiver;
  }

  answer(path: string, answer: Answer): string {
    this.answers.set(path, answer);
    return this.url + path;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(path: string, headers: IncomingHttpHeaders, chunks: Buffer[]): number {
    this.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8') });
    const n = (this.counts.get(path) ?? 0) + 1;
    this.counts.set(path, n);
    return this.answers.get(path)?.(n) ?? 404;
  }
}
