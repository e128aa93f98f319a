export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** A server-sent events reader over fetch, as a browser worklist reads it (EventSource cannot send a bearer). */
export class SseClient {
  readonly events: SseEvent[] = [];
  ended = false;
  private readonly done: Promise<void>;

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
    body: ReadableStream<Uint8Array> | null,
  ) {
    this.done = body ? this.read(body) : Promise.resolve();
  }

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    return new SseClient(response.status, abort, response.ok ? response.body : null);
  }

  of(type: string): SseEvent[] {
    return this.events.filter((e) => e.event === type);
  }

  get lastId(): string | undefined {
    return [...this.events].reverse().find((e) => e.id)?.id;
  }

  /** Until the server ends the stream. */
  finished(): Promise<void> {
    return this.done;
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
    }
  }

  private take(block: string): void {
    const event: SseEvent = { event: 'message', data: '' };
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) event.id = line.slice(4);
      else if (line.startsWith('event: ')) event.event = line.slice(7);
      else if (line.startsWith('data: ')) event.data += line.slice(6);
    }
    if (block.split('\n').some((line) => !line.startsWith(':') && !line.startsWith('retry:')))
      this.events.push(event);
  }
}
