export { type DecodeResult, type DecodedFrame, MllpFrameDecoder } from './frame-decoder';
export { MllpClient, type MllpClientOptions } from './mllp-client';
export { CARRIAGE_RETURN, END_BLOCK, type MllpEncoding, START_BLOCK, encodeFrame } from './mllp-frame';
export { MllpServer } from './mllp-server';
export type {
  MllpConnectionInfo,
  MllpLogger,
  MllpMessageContext,
  MllpServerMetrics,
  MllpServerOptions,
} from './mllp-server.options';
