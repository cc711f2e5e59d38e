/**
 * A fake network receipt printer for tests and the benchmark: raw TCP on 127.0.0.1 (port 0), answering real-time
 * status requests (`DLE EOT n`) like an Epson printer, keeping every job it received (read back by the virtual
 * printer's interpreter), with fault modes:
 *   refuse     nothing listens on the port any more (connection refused)
 *   stall      connections are accepted, nothing is ever answered or closed
 *   paper_out  status says paper end (a careful client sends nothing)
 *   cover_open status says the cover is open
 *   drop       the connection is cut after the first bytes of a job
 * By default a job is printed the moment it is received. With `msPerLine` the printer takes that long per line of
 * paper after each job (a thermal head at 250 mm/s feeds a 4.23 mm line in about 17 ms), and while it prints it
 * reads nothing from the next connection, status requests included (its buffer is full), as a real one holds the
 * next job back: a queue fed faster than that prints at the paper's pace.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Dialect } from '../../electron/core/printing/escpos';
import { interpretEscPos, type Printout } from '../../electron/core/printing/interpreter';
import { statusReplyFor } from '../../electron/core/printing/status';

export type FakePrinterFault = 'none' | 'refuse' | 'stall' | 'paper_out' | 'cover_open' | 'drop';

export interface ReceivedJob {
  bytes: Buffer;
  printout: Printout;
  /** performance.now() when the status reply after the job's last byte went out (its acknowledgement). */
  ackedAt: number | null;
}

export interface FakePrinter {
  readonly port: number;
  /** `tcp://127.0.0.1:<port>`, as COUNTER_PRINTER or the settings take it. */
  readonly spec: string;
  readonly jobs: readonly ReceivedJob[];
  /** Connections that sent only status requests. */
  readonly statusChecks: number;
  setFault(fault: FakePrinterFault): Promise<void>;
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly ReceivedJob[]>;
  close(): Promise<void>;
}

/** Bytes of a job after which `drop` cuts the connection (the status request before it is 9 bytes). */
const DROP_AFTER_BYTES = 64;

export interface FakePrinterOptions {
  dialect?: Dialect;
  nearEnd?: boolean;
  /** Paper time per printed line, in ms (default 0: jobs print the moment they are received). */
  msPerLine?: number;
}

export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  const dialect = options.dialect ?? 'epson';
  const msPerLine = options.msPerLine ?? 0;
  /** Connections held back while the paper runs (read once the last job is out). */
  const heldBack: net.Socket[] = [];
  let printingUntil = 0;
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  let fault: FakePrinterFault = 'none';
  let statusChecks = 0;
  let server = net.createServer(serve);
  let port = await listen(server, 0);

  function serve(socket: net.Socket): void {
    sockets.add(socket);
    socket.setNoDelay(true);
    if (performance.now() < printingUntil) {
      socket.pause();
      heldBack.push(socket);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let ackedAt: number | null = null;
    let tail = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      if (fault === 'stall') return;
      chunks.push(chunk);
      received += chunk.length;
      // DLE EOT n is answered on receipt, before any printing, as real printers do. The last two bytes of the
      // previous chunk are scanned again (a request may straddle chunks); a whole request never fits in them.
      const scan = Buffer.concat([tail, chunk]);
      const replies: number[] = [];
      for (let i = 0; i + 2 < scan.length; i++) {
        if (scan[i] === 0x10 && scan[i + 1] === 0x04) replies.push(statusByte(scan[i + 2]!));
      }
      tail = scan.subarray(Math.max(0, scan.length - 2));
      if (fault === 'drop' && received > DROP_AFTER_BYTES) {
        socket.destroy();
        return;
      }
      if (replies.length > 0) {
        socket.write(Buffer.from(replies));
        ackedAt = performance.now();
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      const bytes = Buffer.concat(chunks);
      const printout = interpretEscPos(bytes, { dialect });
      const onlyStatus = printout.items.length === 0 && printout.resets === 0;
      if (bytes.length === 0 || onlyStatus) {
        if (bytes.length > 0) statusChecks += 1;
        return;
      }
      jobs.push({ bytes, printout, ackedAt });
      for (const wake of waiters) wake();
      if (msPerLine > 0) feedPaper(printout.lines.length * msPerLine);
    });
  }

  /** Paper for one more job: after whatever is still printing (a job received meanwhile queues behind it). */
  function feedPaper(ms: number): void {
    const wasIdle = performance.now() >= printingUntil;
    printingUntil = Math.max(performance.now(), printingUntil) + ms;
    if (wasIdle) setTimeout(releaseWhenPrinted, ms).unref();
  }

  function releaseWhenPrinted(): void {
    // A timer may fire a little early, or the paper was extended meanwhile: wait for the rest.
    const left = printingUntil - performance.now();
    if (left > 0) {
      setTimeout(releaseWhenPrinted, Math.ceil(left)).unref();
      return;
    }
    for (const socket of heldBack.splice(0)) socket.resume();
  }

  function statusByte(n: number): number {
    const state = fault === 'paper_out' ? 'paper_out' : fault === 'cover_open' ? 'cover_open' : 'online';
    return statusReplyFor(state, options.nearEnd)[n] ?? 0x12;
  }

  return {
    get port() {
      return port;
    },
    get spec() {
      return `tcp://127.0.0.1:${port}`;
    },
    jobs,
    get statusChecks() {
      return statusChecks;
    },
    async setFault(next) {
      const wasRefusing = fault === 'refuse';
      fault = next;
      if (next === 'refuse' && !wasRefusing) {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (next !== 'refuse' && wasRefusing) {
        server = net.createServer(serve);
        port = await listen(server, port);
      }
    },
    waitForJobs(count, timeoutMs = 5000) {
      if (jobs.length >= count) return Promise.resolve(jobs);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${jobs.length} of ${count} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs);
        };
        waiters.add(check);
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      if (fault !== 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
