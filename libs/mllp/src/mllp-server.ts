import { type AddressInfo, type Server, type Socket, createServer as createNetServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { MllpConnection } from './mllp-connection';
import {
  type MllpServerOptions,
  type ResolvedServerOptions,
  resolveServerOptions,
} from './mllp-server.options';
import { errorType } from './respond-to-frame';

/**
 * MLLP listener (HL7 v2 over TCP, optionally TLS). Each connection answers its frames in order,
 * one response frame per received frame: the handler's ACK, or a NAK from `onOversize` /
 * `onHandlerError`. Socket and handler failures are logged without message content.
 */
export class MllpServer {
  private readonly options: ResolvedServerOptions;
  private readonly server: Server;
  private readonly open = new Set<MllpConnection>();
  /** Raw TCP sockets, including TLS ones still in their handshake, so close() can destroy them. */
  private readonly sockets = new Set<Socket>();
  private closing = false;

  constructor(options: MllpServerOptions) {
    this.options = resolveServerOptions(options);
    const accept = (socket: Socket) => this.accept(socket);
    // Half-open TCP lets `printf … | nc` style senders half-close and still read their ACKs. Not for
    // TLS: a client that rejects our certificate half-closes mid-handshake and would linger.
    this.server = options.tls
      ? createTlsServer({ ...options.tls, allowHalfOpen: false }, accept)
      : createNetServer({ allowHalfOpen: true }, accept);
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.server.on('error', (err) =>
      this.options.logger.error({ errorType: errorType(err) }, 'mllp server error'),
    );
    this.server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: Socket) =>
      this.options.logger.warn(
        { remoteAddress: socket.remoteAddress ?? 'unknown', code: err.code ?? errorType(err) },
        'mllp tls handshake failed',
      ),
    );
  }

  /** Open connections. */
  get connections(): number {
    return this.open.size;
  }

  listen(): Promise<{ port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const { port } = this.server.address() as AddressInfo;
        this.options.logger.info({ port }, 'mllp server listening');
        resolve({ port });
      });
    });
  }

  /**
   * Stops accepting, lets each connection finish the message in its handler and write that ACK,
   * then ends the sockets. Whatever is still open after `gracefulMs` is destroyed.
   */
  async close(gracefulMs = 10_000): Promise<void> {
    this.closing = true;
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const connections = [...this.open];
    connections.forEach((connection) => connection.shutdown());
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, gracefulMs)));
    await Promise.race([Promise.all(connections.map((c) => c.closed)), deadline]);
    clearTimeout(timer);
    connections.forEach((connection) => connection.destroy());
    this.sockets.forEach((socket) => socket.destroy());
    await Promise.all(connections.map((c) => c.closed));
    await stopped;
  }

  private accept(socket: Socket): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    const connection = new MllpConnection(socket, this.options);
    this.open.add(connection);
    void connection.closed.then(() => this.open.delete(connection));
  }
}
