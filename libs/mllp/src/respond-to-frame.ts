import type { DecodedFrame } from './frame-decoder';
import type {
  MllpConnectionInfo,
  MllpLogger,
  MllpMessageContext,
  ResolvedServerOptions,
} from './mllp-server.options';

/** Errors are logged by type only: messages of parser errors often quote the HL7 they choked on. */
export function errorType(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

/** Runs app-supplied code; a throw is logged and must never take the process down. */
export function callHook<T>(
  logger: MllpLogger,
  conn: MllpConnectionInfo,
  name: string,
  fn: () => T,
): T | undefined {
  try {
    return fn();
  } catch (err) {
    const { connectionId, remoteAddress } = conn;
    logger.error({ connectionId, remoteAddress, hook: name, errorType: errorType(err) }, 'mllp hook threw');
    return undefined;
  }
}

/**
 * The payload to answer one frame with: the handler's ACK, or a NAK from `onOversize` /
 * `onHandlerError`; undefined when no NAK could be built and the connection must drop.
 */
export async function respondToFrame(
  frame: DecodedFrame,
  ctx: MllpMessageContext,
  options: ResolvedServerOptions,
): Promise<string | undefined> {
  const { logger, metrics } = options;
  const ids = { connectionId: ctx.connectionId, remoteAddress: ctx.remoteAddress };
  if (frame.kind === 'oversize') {
    logger.warn({ ...ids, size: frame.size }, 'mllp frame over size limit');
    return callHook(logger, ids, 'onOversize', () => options.onOversize(ctx, frame.size));
  }
  try {
    const ack = await options.handler(frame.payload.toString(options.encoding), ctx);
    if (typeof ack !== 'string') throw new TypeError('handler did not return a string');
    return ack;
  } catch (err) {
    callHook(logger, ids, 'handlerError', () => metrics.handlerError?.());
    logger.error({ ...ids, errorType: errorType(err) }, 'mllp handler failed');
    return callHook(logger, ids, 'onHandlerError', () => options.onHandlerError(ctx, err));
  }
}
