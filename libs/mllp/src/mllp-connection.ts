import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { type DecodedFrame, MllpFrameDecoder } from './frame-decoder';
import { encodeFrame } from './mllp-frame';
import type { MllpConnectionInfo, MllpMessageContext, ResolvedServerOptions } from './mllp-server.options';
import { callHook, errorType, respondToFrame } from './respond-to-frame';

/** The subject of a client certificate the server verified (mutual TLS), as `cert:CN=…,O=…`. */
function peerOf(socket: Socket): { peer?: string } {
  if (!(socket instanceof TLSSocket) || !socket.authorized) return {};
  const subject = socket.getPeerCertificate().subject ?? {};
  const parts = Object.entries(subject).map(([k, v]) => `${k}=${[v].flat().join('+')}`);
  return parts.length ? { peer: `cert:${parts.join(',')}` } : {};
}

interface PendingFrame {
  frame: DecodedFrame;
  ctx: MllpMessageContext;
}

/**
 * One accepted socket. Frames are answered strictly in arrival order, one handler at a time,
 * with exactly one response frame each.
 */
export class MllpConnection {
  readonly info: MllpConnectionInfo;
  /** Resolves once the socket is fully closed. */
  readonly closed: Promise<void>;
  private readonly decoder: MllpFrameDecoder;
  private readonly queue: PendingFrame[] = [];
  private readonly idleTimer: NodeJS.Timeout;
  private busy = false;
  private paused = false;
  private stopReading = false;
  private endWhenDrained = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: ResolvedServerOptions,
  ) {
    this.info = {
      connectionId: randomUUID(),
      remoteAddress: socket.remoteAddress ?? 'unknown',
      ...peerOf(socket),
    };
    this.decoder = new MllpFrameDecoder(options.maxFrameBytes);
    this.idleTimer = setTimeout(() => this.onIdle(), options.idleTimeoutMs);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // Over plain TCP the socket is half-open: a sender that half-closes still gets its ACKs.
    socket.on('end', () => this.finishThenEnd(false));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      options.logger.warn({ ...this.info, code: err.code ?? errorType(err) }, 'mllp socket error'),
    );
    socket.on('close', () => {
      clearTimeout(this.idleTimer);
      options.logger.info(this.info, 'mllp connection closed');
    });
    options.logger.info(this.info, 'mllp connection opened');
  }

  /**
   * Stops reading, lets the frame in the handler finish and its ACK be written, then ends the socket.
   * Frames received but not yet started are dropped unanswered: they had no effect yet, and a sender
   * resends anything it has no ACK for.
   */
  shutdown(): void {
    this.finishThenEnd(true);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.stopReading) return;
    this.idleTimer.refresh();
    const { frames, noiseBytes } = this.decoder.push(chunk);
    if (noiseBytes > 0) {
      this.hook('noiseBytes', () => this.options.metrics.noiseBytes?.(noiseBytes));
      this.hook('onNoise', () => this.options.onNoise?.(this.info, noiseBytes));
    }
    const ctx = { ...this.info, receivedAt: new Date() };
    for (const frame of frames) {
      this.queue.push({ frame, ctx });
      if (frame.kind === 'frame') this.hook('frameReceived', () => this.options.metrics.frameReceived?.());
      else this.hook('oversizeFrame', () => this.options.metrics.oversizeFrame?.());
    }
    if (!this.paused && this.queue.length > this.options.maxPendingFrames) {
      this.paused = true;
      this.socket.pause();
      this.hook('readPaused', () => this.options.metrics.readPaused?.());
    }
    this.answerInOrder();
  }

  private answerInOrder(): void {
    if (this.busy) return;
    this.busy = true;
    this.answerQueued()
      .catch((err: unknown) => {
        this.options.logger.error({ ...this.info, errorType: errorType(err) }, 'mllp connection failed');
        this.socket.destroy();
      })
      .finally(() => {
        this.busy = false;
        if (!this.socket.destroyed) this.idleTimer.refresh();
        if (this.endWhenDrained) this.end();
      });
  }

  private async answerQueued(): Promise<void> {
    for (let next = this.queue.shift(); next && !this.socket.destroyed; next = this.queue.shift()) {
      if (this.paused && this.queue.length <= this.options.maxPendingFrames / 2) {
        this.paused = false;
        this.socket.resume();
      }
      const response = await respondToFrame(next.frame, next.ctx, this.options);
      if (response === undefined) {
        this.socket.destroy();
        return;
      }
      await this.write(encodeFrame(response, this.options.encoding));
    }
  }

  private write(frame: Buffer): Promise<void> {
    if (!this.socket.writable) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('close', done);
      this.socket.write(frame, done);
    });
  }

  private finishThenEnd(dropQueued: boolean): void {
    if (dropQueued) {
      this.stopReading = true;
      this.queue.length = 0;
    }
    this.endWhenDrained = true;
    if (!this.busy) this.end();
  }

  private onIdle(): void {
    if (this.socket.destroyed) return;
    if (this.busy) {
      this.idleTimer.refresh();
      return;
    }
    this.options.logger.info(this.info, 'mllp connection idle, closing');
    this.end();
  }

  private end(): void {
    clearTimeout(this.idleTimer);
    if (this.socket.writableEnded) return;
    this.socket.end(() => this.socket.destroy());
  }

  private hook(name: string, fn: () => void): void {
    callHook(this.options.logger, this.info, name, fn);
  }
}
