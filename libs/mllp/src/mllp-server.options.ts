import type { SecureContextOptions, TlsOptions } from 'node:tls';
import type { MllpEncoding } from './mllp-frame';

/** Minimal structured logger (pino-compatible). Never give it message content: it is PHI. */
export interface MllpLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Who sent a frame; safe to log. */
export interface MllpConnectionInfo {
  connectionId: string;
  remoteAddress: string;
  /** Over mutual TLS: `cert:<subject>` of the sender's verified certificate; absent otherwise. */
  peer?: string;
}

/** Passed to the handler and the NAK builders with each frame. */
export interface MllpMessageContext extends MllpConnectionInfo {
  receivedAt: Date;
}

/** Counters for dashboards; each call means "one more". No PHI is ever passed. */
export interface MllpServerMetrics {
  frameReceived?(): void;
  noiseBytes?(count: number): void;
  oversizeFrame?(): void;
  handlerError?(): void;
  /** Reading from a connection was paused because too many frames were waiting. */
  readPaused?(): void;
}

export interface MllpServerOptions {
  host?: string;
  /** 0 picks a free port; `listen()` returns the one chosen. */
  port: number;
  /** Largest payload accepted, in bytes. Default 1 MiB. */
  maxFrameBytes?: number;
  /** A connection with no traffic and nothing in flight for this long is closed. Default 60 s. */
  idleTimeoutMs?: number;
  /** Frames decoded but not yet handled, per connection, above which reading pauses. Default 32. */
  maxPendingFrames?: number;
  /** Payload encoding, for both received messages and responses. Default 'utf8'. */
  encoding?: MllpEncoding;
  /** When set, the server speaks MLLP over TLS. */
  tls?: SecureContextOptions & Pick<TlsOptions, 'requestCert' | 'rejectUnauthorized'>;
  /** Handles one message and returns the ACK payload to send back. */
  handler: (message: string, ctx: MllpMessageContext) => Promise<string>;
  /** Builds the NAK payload for a frame over `maxFrameBytes`. */
  onOversize: (ctx: MllpMessageContext, size: number) => string;
  /** Builds the NAK payload (AE/AR) when the handler throws. */
  onHandlerError: (ctx: MllpMessageContext, err: unknown) => string;
  onNoise?: (conn: MllpConnectionInfo, byteCount: number) => void;
  metrics?: MllpServerMetrics;
  logger?: MllpLogger;
}

export type ResolvedServerOptions = Required<Omit<MllpServerOptions, 'tls' | 'onNoise' | 'host'>> &
  Pick<MllpServerOptions, 'tls' | 'onNoise' | 'host'>;

const silentLogger: MllpLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function resolveServerOptions(options: MllpServerOptions): ResolvedServerOptions {
  // `??` rather than spread: config loaders pass explicit undefined for unset values.
  return {
    ...options,
    maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    maxPendingFrames: options.maxPendingFrames ?? 32,
    encoding: options.encoding ?? 'utf8',
    metrics: options.metrics ?? {},
    logger: options.logger ?? silentLogger,
  };
}
