import { Counter } from 'prom-client';
import type { MllpServerMetrics } from '@ct/mllp';
import type { MetricsRegistry } from '@ct/observability';

/** The MLLP server's hooks as counters (no labels: the server passes nothing per sender). */
export function mllpServerMetrics(registry: MetricsRegistry): Required<MllpServerMetrics> {
  const counter = (name: string, help: string) => new Counter({ name, help, registers: [registry] });
  const frames = counter('ct_mllp_frames_total', 'MLLP frames received within the size limit');
  const noise = counter('ct_mllp_noise_bytes_total', 'Bytes received outside an MLLP frame, dropped');
  const oversize = counter(
    'ct_mllp_oversize_frames_total',
    'Frames over MLLP_MAX_FRAME_BYTES, refused with AR',
  );
  const errors = counter(
    'ct_mllp_handler_errors_total',
    'Frames whose handling threw: answered AE, resend asked',
  );
  const paused = counter(
    'ct_mllp_read_paused_total',
    'Times reading a connection paused: too many frames waiting',
  );
  return {
    frameReceived: () => frames.inc(),
    noiseBytes: (count) => noise.inc(count),
    oversizeFrame: () => oversize.inc(),
    handlerError: () => errors.inc(),
    readPaused: () => paused.inc(),
  };
}
