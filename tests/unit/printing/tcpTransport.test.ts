/**
 * Network printing against the fake TCP printer: a job is acknowledged by the printer's status reply behind it;
 * every fault gives its own reason, within the timeouts.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntrySlip } from '../../../electron/core/printing/entrySlip';
import { renderEscPos } from '../../../electron/core/printing/escpos';
import { createTcpTransport } from '../../../electron/core/printing/tcpTransport';
import { PrintFailure, type RenderedJob } from '../../../electron/core/printing/transport';
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter';
import { SLIP_DATA } from './fixtures';

let printer: FakePrinter;
beforeEach(async () => {
  printer = await startFakePrinter();
});
afterEach(() => printer.close());

const slip = buildEntrySlip(SLIP_DATA, { nameFormat: 'full', duplicate: false });
const job: RenderedJob = {
  title: slip.title,
  paper: 80,
  escpos: () => renderEscPos(slip, { dialect: 'epson', paper: 80, codePage: 'WPC1252' }),
  html: () => '',
};
const transport = (options: { realTimeStatus?: boolean } = {}) =>
  createTcpTransport({
    host: '127.0.0.1',
    port: printer.port,
    realTimeStatus: options.realTimeStatus ?? true,
    connectTimeoutMs: 500,
    replyTimeoutMs: 300,
    jobTimeoutMs: 800,
  });

async function failureOf(promise: Promise<unknown>): Promise<PrintFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintFailure);
  return error as PrintFailure;
}

describe('TCP printer', () => {
  it('prints a job the printer acknowledges, bracketed by status requests', async () => {
    await transport().print(job);
    const [received] = await printer.waitForJobs(1);
    expect(received!.printout.lines.join('\n')).toContain('Éloïse LEFÈVRE');
    expect(received!.printout.qrCodes).toEqual(['GUICHET:v1;LEDGER:4217']);
    expect(received!.printout.statusRequests).toEqual([1, 2, 4, 1, 2, 4]);
    expect(received!.ackedAt).not.toBeNull();
  });

  it('reads its status', async () => {
    expect(await transport().status()).toEqual({ state: 'online', paperNearEnd: false });
    await printer.setFault('paper_out');
    expect(await transport().status()).toMatchObject({ state: 'paper_out' });
    await printer.setFault('cover_open');
    expect(await transport().status()).toMatchObject({ state: 'cover_open' });
  });

  it('printer off: connection refused, reported as unreachable', async () => {
    await printer.setFault('refuse');
    const failure = await failureOf(transport().print(job));
    expect(failure.code).toBe('unreachable');
    expect(failure.message).toMatch(/injoignable/);
    expect(await transport().status()).toMatchObject({ state: 'unreachable' });
  });

  it('a port where nothing listens any more: unreachable at once', async () => {
    const silent = net.createServer();
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    silent.close();
    const started = Date.now();
    const failure = await failureOf(
      createTcpTransport({ host: '127.0.0.1', port, realTimeStatus: true, connectTimeoutMs: 300 }).print(job),
    );
    expect(failure.code).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('printer stalls: the job fails on the reply timeout', async () => {
    await printer.setFault('stall');
    const started = Date.now();
    const failure = await failureOf(transport().print(job));
    expect(failure.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await transport().status()).toMatchObject({ state: 'unknown' });
  });

  it('paper out: nothing is sent', async () => {
    await printer.setFault('paper_out');
    const failure = await failureOf(transport().print(job));
    expect(failure.code).toBe('paper_out');
    expect(failure.message).toMatch(/papier/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(printer.jobs).toHaveLength(0);
  });

  it('cover open: nothing is sent', async () => {
    await printer.setFault('cover_open');
    expect((await failureOf(transport().print(job))).code).toBe('cover_open');
  });

  it('connection dropped mid-job: reported as dropped, not as printed', async () => {
    await printer.setFault('drop');
    const failure = await failureOf(transport().print(job));
    expect(failure.code).toBe('dropped');
    expect(failure.message).toMatch(/coupée/);
  });

  it('without real-time status (Star): the job is written and the connection closed cleanly', async () => {
    await transport({ realTimeStatus: false }).print(job);
    const [received] = await printer.waitForJobs(1);
    expect(received!.printout.statusRequests).toEqual([]);
    expect(await transport({ realTimeStatus: false }).status()).toEqual({ state: 'unknown', paperNearEnd: false });
  });
});
