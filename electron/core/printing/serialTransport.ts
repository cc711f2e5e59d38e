/**
 * Serial printers (RS-232 or USB-serial adapters), through `serialport`. The port is opened per job, written,
 * drained, and closed; with the Epson dialect the job is bracketed by real-time status requests like over TCP.
 */
import { parseStatusReply, STATUS_QUERY, type PrinterStatus } from './status';
import { failureForStatus, PrintFailure, type PrinterTransport, type RenderedJob } from './transport';
import { errorMessage } from '../../../shared/errorText';

/** The part of a `SerialPort` this transport uses (tests pass `serialport`'s `SerialPortMock`). */
export interface SerialPortLike {
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error' | 'close', listener: (error?: Error) => void): unknown;
  readonly isOpen: boolean;
}

export type SerialPortFactory = (options: { path: string; baudRate: number }) => Promise<SerialPortLike>;

const defaultFactory: SerialPortFactory = async ({ path, baudRate }) => {
  try {
    const { SerialPort } = await import('serialport');
    return new SerialPort({ path, baudRate, autoOpen: false }) as unknown as SerialPortLike;
  } catch (error) {
    throw new PrintFailure('serial', errorMessage(error), { path });
  }
};

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  realTimeStatus: boolean;
  openPort?: SerialPortFactory;
  replyTimeoutMs?: number;
}

export function createSerialTransport(options: SerialTransportOptions): PrinterTransport {
  const replyTimeoutMs = options.replyTimeoutMs ?? 2000;
  const factory = options.openPort ?? defaultFactory;

  async function withPort<T>(work: (port: SerialPortLike, read: (count: number) => Promise<Buffer>) => Promise<T>) {
    const port = await factory({ path: options.path, baudRate: options.baudRate });
    let received = Buffer.alloc(0);
    let failure: PrintFailure | null = null;
    let wake: (() => void) | null = null;
    port.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      wake?.();
    });
    port.on('error', (error) => {
      failure ??= new PrintFailure('dropped', error?.message ?? 'serial error');
      wake?.();
    });
    const read = (count: number) =>
      new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => reject(new PrintFailure('timeout', 'no status reply')), replyTimeoutMs);
        wake = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            const bytes = received.subarray(0, count);
            received = received.subarray(count);
            resolve(bytes);
          } else if (failure) {
            clearTimeout(timer);
            reject(failure);
          }
        };
        wake();
      });
    await callback((done) => port.open(done)).catch((error: Error) => {
      throw new PrintFailure('serial', error.message);
    });
    try {
      return await work(port, read);
    } finally {
      if (port.isOpen) await callback((done) => port.close(done)).catch(() => undefined);
    }
  }

  const write = async (port: SerialPortLike, bytes: Buffer) => {
    await callback((done) => port.write(bytes, (error) => done(error ?? null)));
    await callback((done) => port.drain(done));
  };

  return {
    kind: 'serial',
    async status(): Promise<PrinterStatus> {
      try {
        return await withPort(async (port, read) => {
          if (!options.realTimeStatus) return { state: 'unknown', paperNearEnd: false };
          await write(port, STATUS_QUERY);
          return parseStatusReply(await read(3));
        });
      } catch (error) {
        return {
          state: 'unreachable',
          paperNearEnd: false,
          detail: errorMessage(error),
        };
      }
    },
    async print(job: RenderedJob) {
      const bytes = job.escpos();
      await withPort(async (port, read) => {
        if (options.realTimeStatus) {
          await write(port, STATUS_QUERY);
          const refusal = failureForStatus(parseStatusReply(await read(3)));
          if (refusal) throw refusal;
        }
        await write(port, bytes).catch((error: unknown) => {
          throw error instanceof PrintFailure ? error : new PrintFailure('dropped', String(error));
        });
      });
    },
    async close() {},
  };
}

function callback(run: (done: (error: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => run((error) => (error ? reject(error) : resolve())));
}
