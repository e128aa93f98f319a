import { type Socket, connect as connectNet } from 'node:net';
import { type ConnectionOptions, connect as connectTls } from 'node:tls';
import { MllpFrameDecoder } from './frame-decoder';
import { type MllpEncoding, encodeFrame } from './mllp-frame';

export interface MllpClientOptions {
  host?: string;
  port: number;
  /** How long `send` waits for the response frame. Default 10 s. */
  timeoutMs?: number;
  encoding?: MllpEncoding;
  /** When set, connects over TLS with these options. */
  tls?: ConnectionOptions;
}

interface Reader {
  resolve(frame: string): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * MLLP sender for tests, benchmarks and the demo feed. Response frames are read in arrival order:
 * `send` and `nextFrame` each take the next one, so do not mix `sendRaw` with concurrent `send`s.
 */
export class MllpClient {
  private socket?: Socket;
  private readonly decoder = new MllpFrameDecoder(Infinity);
  private readonly unread: string[] = [];
  private readonly readers: Reader[] = [];
  private closedError?: Error;
  private closedPromise?: Promise<void>;

  constructor(private readonly options: MllpClientOptions) {}

  connect(): Promise<void> {
    const { host = '127.0.0.1', port, tls } = this.options;
    return new Promise<void>((resolve, reject) => {
      const socket = tls ? connectTls({ host, port, ...tls }, resolve) : connectNet({ host, port }, resolve);
      socket.once('error', reject);
      socket.on('error', (err: Error) => (this.closedError = err));
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      this.closedPromise = new Promise((done) => socket.once('close', () => done()));
      socket.once('close', () => this.rejectReaders(this.closedError ?? new Error('MLLP connection closed')));
      this.socket = socket;
    });
  }

  /** Sends one message and waits for its response. On timeout the connection is dropped, as real senders do. */
  async send(message: string): Promise<string> {
    const frame = encodeFrame(message, this.options.encoding);
    const [response] = await Promise.all([this.read(this.timeoutMs, true), this.sendRaw(frame)]);
    return response;
  }

  /** Sends all messages in a single write and returns their responses in order. */
  async sendMany(messages: string[]): Promise<string[]> {
    const frames = Buffer.concat(messages.map((m) => encodeFrame(m, this.options.encoding)));
    const responses = messages.map(() => this.read(this.timeoutMs, true));
    const [all] = await Promise.all([Promise.all(responses), this.sendRaw(frames)]);
    return all;
  }

  /** Writes bytes as they are: partial frames, noise, several frames at once. */
  async sendRaw(bytes: Uint8Array): Promise<void> {
    const socket = this.requireSocket();
    await new Promise<void>((resolve, reject) =>
      socket.write(bytes, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** The next response frame not yet taken. */
  nextFrame(timeoutMs = this.timeoutMs): Promise<string> {
    return this.read(timeoutMs, false);
  }

  /** Response frames as they arrive, until the connection closes. */
  async *frames(): AsyncGenerator<string> {
    for (;;) {
      let frame: string;
      try {
        frame = await this.read(Infinity, false);
      } catch (err) {
        if (this.socket?.destroyed) return;
        throw err;
      }
      yield frame;
    }
  }

  /** Resolves when the connection has closed, from either side. */
  whenClosed(): Promise<void> {
    return this.closedPromise ?? Promise.resolve();
  }

  /** Ends the connection, and destroys it if the server has not closed its side within the timeout. */
  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), this.timeoutMs);
    await this.whenClosed();
    clearTimeout(timer);
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  private read(timeoutMs: number, dropOnTimeout: boolean): Promise<string> {
    const queued = this.unread.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (!this.socket || this.socket.destroyed) return Promise.reject(new Error('MLLP connection closed'));
    return new Promise((resolve, reject) => {
      const reader: Reader = { resolve, reject, timer: undefined };
      if (Number.isFinite(timeoutMs)) {
        reader.timer = setTimeout(() => {
          this.readers.splice(this.readers.indexOf(reader), 1);
          reject(new Error(`no MLLP response within ${timeoutMs} ms`));
          // A late response would be taken as the answer to the next message; reconnecting avoids that.
          if (dropOnTimeout) this.socket?.destroy();
        }, timeoutMs);
      }
      this.readers.push(reader);
    });
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk).frames) {
      if (frame.kind !== 'frame') continue;
      const text = frame.payload.toString(this.options.encoding ?? 'utf8');
      const reader = this.readers.shift();
      clearTimeout(reader?.timer);
      if (reader) reader.resolve(text);
      else this.unread.push(text);
    }
  }

  private rejectReaders(err: Error): void {
    for (const reader of this.readers.splice(0)) {
      clearTimeout(reader.timer);
      reader.reject(err);
    }
  }

  private requireSocket(): Socket {
    if (!this.socket) throw new Error('MllpClient.connect() was not called');
    return this.socket;
  }
}
