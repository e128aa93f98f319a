import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import { buildAck } from '@ct/hl7';
import { MllpServer } from '@ct/mllp';
import { MetricsRegistry } from '@ct/observability';
import { IngestMessageCommand } from '../ingest/ingest-message.command';
import { mllpServerMetrics } from './mllp.metrics';
import { mllpTlsOptions } from './mllp-tls';

/**
 * The MLLP port hospital interface engines connect to. Each frame runs through the same ingest
 * as HTTP; the ACK goes back on the same connection, in order.
 */
@Injectable()
export class MllpListenerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MllpListenerService.name);
  private server?: MllpServer;
  private boundPort?: number;

  constructor(
    @Inject(APP_ENV) private readonly env: GatewayEnv,
    private readonly commands: CommandBus,
    private readonly pino: PinoLogger,
    private readonly registry: MetricsRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = new MllpServer({
      host: this.env.MLLP_HOST,
      port: this.env.MLLP_PORT,
      maxFrameBytes: this.env.MLLP_MAX_FRAME_BYTES,
      idleTimeoutMs: this.env.MLLP_IDLE_TIMEOUT_MS,
      tls: mllpTlsOptions(this.env),
      logger: this.pino.logger,
      metrics: mllpServerMetrics(this.registry),
      handler: (message, ctx) =>
        this.pino.runInContext(
          async () => {
            const command = new IngestMessageCommand(message, 'mllp', ctx.peer ?? null);
            return (await this.commands.execute(command)).ack;
          },
          { bindings: { connectionId: ctx.connectionId } },
        ),
      onOversize: (_ctx, size) =>
        buildAck(undefined, {
          code: 'AR',
          text: `Message of ${size} bytes exceeds the limit of ${this.env.MLLP_MAX_FRAME_BYTES} bytes`,
          errors: [{ hl7ErrorCode: 207, severity: 'E', userMessage: 'Message too large' }],
        }),
      onHandlerError: () =>
        buildAck(undefined, {
          code: 'AE',
          text: 'Internal error; please resend',
          errors: [{ hl7ErrorCode: 207, severity: 'E', userMessage: 'Application internal error' }],
        }),
      onNoise: (conn, bytes) =>
        this.logger.warn({ connectionId: conn.connectionId, bytes }, 'bytes outside a frame'),
    });
    this.boundPort = (await this.server.listen()).port;
    const tls = !this.env.MLLP_TLS_CERT_FILE ? 'off' : this.env.MLLP_TLS_CA_FILE ? 'mutual' : 'on';
    this.logger.log({ host: this.env.MLLP_HOST, port: this.boundPort, tls }, 'MLLP listening');
  }

  /** The port actually bound (MLLP_PORT=0 picks a free one, in tests). */
  get port(): number | undefined {
    return this.boundPort;
  }

  /** Stops taking frames before Kafka and Postgres close, letting in-flight ACKs go out. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.server?.close(this.env.SHUTDOWN_GRACE_MS);
  }
}
