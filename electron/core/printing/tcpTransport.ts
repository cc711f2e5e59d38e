/**
 * Network printers: raw TCP (port 9100, "JetDirect"). One connection per job or status check, since many
 * printers serve one client at a time and another counter may share the printer.
 * With the Epson dialect each job is bracketed by real-time status requests: the one before refuses to send to
 * a printer without paper or with its cover open; the one after proves the printer received every byte (its
 * answer comes back behind the job on the same ordered stream), so "printed" means acknowledged, not just written.
 */
import net from 'node:net';
import { parseStatusReply, STATUS_QUERY, type PrinterStatus } from './status';
import { failureForStatus, PrintFailure, type PrinterTransport, type RenderedJob } from './transport';

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** Real-time status (`DLE EOT`) is Epson ESC/POS; Star Line Mode printers do not answer it. */
  realTimeStatus: boolean;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  jobTimeoutMs?: number;
}

export function createTcpTransport(options: TcpTransportOptions): PrinterTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 2000;
  const jobTimeoutMs = options.jobTimeoutMs ?? 15_000;
  const open = () => PrinterConnection.open(options.host, options.port, connectTimeoutMs);

  return {
    kind: 'tcp',
    async status(): Promise<PrinterStatus> {
      let connection: PrinterConnection | null = null;
      try {
        connection = await open();
        if (!options.realTimeStatus) return { state: 'unknown', paperNearEnd: false };
        await connection.write(STATUS_QUERY);
        return parseStatusReply(await connection.read(3, replyTimeoutMs));
      } catch (error) {
        const detail = error instanceof PrintFailure ? error.detail || error.code : String(error);
        if (connection && error instanceof PrintFailure && error.code === 'timeout') {
          return { state: 'unknown', paperNearEnd: false, detail };
        }
        return { state: 'unreachable', paperNearEnd: false, detail };
      } finally {
        connection?.close();
      }
    },

    async print(job: RenderedJob): Promise<void> {
      const bytes = job.escpos();
      const connection = await open();
      const deadline = setTimeout(() => connection.fail(new PrintFailure('timeout', 'job deadline')), jobTimeoutMs);
      try {
        if (options.realTimeStatus) {
          await connection.write(STATUS_QUERY);
          const refusal = failureForStatus(parseStatusReply(await connection.read(3, replyTimeoutMs)));
          if (refusal) throw refusal;
          await connection.write(Buffer.concat([bytes, STATUS_QUERY]));
          await connection.read(3, jobTimeoutMs);
        } else {
          await connection.write(bytes);
          await connection.finish();
        }
      } finally {
        clearTimeout(deadline);
        connection.close();
      }
    },

    async close() {},
  };
}

/** A socket to a printer with "read n bytes" and every failure turned into a `PrintFailure`. */
class PrinterConnection {
  #received = Buffer.alloc(0);
  #failure: PrintFailure | null = null;
  #wake: (() => void) | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk]);
      this.#wake?.();
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      this.fail(new PrintFailure('dropped', error.code ?? error.message)),
    );
    socket.on('close', () => this.fail(new PrintFailure('dropped', 'connection closed by the printer')));
  }

  static open(host: string, port: number, timeoutMs: number): Promise<PrinterConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrintFailure('unreachable', `no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new PrinterConnection(socket));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new PrintFailure('unreachable', error.code ?? error.message));
      });
    });
  }

  fail(failure: PrintFailure): void {
    this.#failure ??= failure;
    this.#wake?.();
  }

  write(bytes: Buffer): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) =>
        error ? reject(this.#failure ?? new PrintFailure('dropped', error.message)) : resolve(),
      );
    });
  }

  /** The next `count` bytes the printer sends, within `timeoutMs`. */
  read(count: number, timeoutMs: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        reject(new PrintFailure('timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (this.#received.length >= count) {
          const bytes = this.#received.subarray(0, count);
          this.#received = this.#received.subarray(count);
          clearTimeout(timer);
          this.#wake = null;
          resolve(bytes);
        } else if (this.#failure) {
          clearTimeout(timer);
          this.#wake = null;
          reject(this.#failure);
        }
      };
      this.#wake = check;
      check();
    });
  }

  /** Resolves once every byte written has left for the printer (no acknowledgement without real-time status). */
  finish(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#failure) return reject(this.#failure);
      this.socket.end(() => resolve());
    });
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }
}
