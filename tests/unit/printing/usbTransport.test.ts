/**
 * USB printing through the WebUSB-style device API (`usb` 3.x), against fake devices: claim of the printer-class
 * interface, bulk OUT for jobs, bulk IN for status, and each way it fails (no device, no access, Windows without
 * WinUSB, a stalled transfer). No USB hardware is needed; the real `usb` module is loaded only to check it answers.
 */
import { describe, expect, it } from 'vitest';
import { PrintFailure, type RenderedJob } from '../../../electron/core/printing/transport';
import { statusReplyFor } from '../../../electron/core/printing/status';
import {
  createUsbTransport,
  discoverUsbPrinters,
  type UsbBackend,
  type UsbPrinterDevice,
} from '../../../electron/core/printing/usbTransport';

interface FakeUsbOptions {
  vendorId?: number;
  productId?: number;
  interfaceClass?: number;
  claimError?: Error;
  claimFailsOnce?: boolean;
  outStatus?: 'ok' | 'stall';
  status?: Parameters<typeof statusReplyFor>[0];
}

function fakeDevice(options: FakeUsbOptions = {}) {
  const sent: Uint8Array[] = [];
  const calls: string[] = [];
  let pendingReply: number[] = [];
  let claimFailures = options.claimFailsOnce ? 1 : 0;
  let opened = false;
  const device: UsbPrinterDevice = {
    vendorId: options.vendorId ?? 0x04b8,
    productId: options.productId ?? 0x0202,
    manufacturerName: 'EPSON',
    productName: 'TM-T20III',
    get opened() {
      return opened;
    },
    configuration: {
      configurationValue: 1,
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            interfaceClass: options.interfaceClass ?? 7,
            endpoints: [
              { endpointNumber: 1, direction: 'out', type: 'bulk' },
              { endpointNumber: 2, direction: 'in', type: 'bulk' },
            ],
          },
        },
      ],
    },
    async open() {
      calls.push('open');
      opened = true;
    },
    async close() {
      calls.push('close');
      opened = false;
    },
    async selectConfiguration() {},
    async claimInterface(n) {
      calls.push(`claim ${n}`);
      if (options.claimError) throw options.claimError;
      if (claimFailures > 0) {
        claimFailures -= 1;
        throw new Error('LIBUSB_ERROR_BUSY');
      }
    },
    async releaseInterface(n) {
      calls.push(`release ${n}`);
    },
    async detachKernelDriver(n) {
      calls.push(`detach ${n}`);
    },
    async transferOut(endpoint, data) {
      calls.push(`out ${endpoint}`);
      if (options.outStatus === 'stall') return { bytesWritten: 0, status: 'stall' };
      sent.push(Uint8Array.from(data));
      const reply = statusReplyFor(options.status ?? 'online');
      for (let i = 0; i + 2 < data.length; i++) {
        if (data[i] === 0x10 && data[i + 1] === 0x04) pendingReply.push(reply[data[i + 2]!]!);
      }
      return { bytesWritten: data.length, status: 'ok' };
    },
    async transferIn(endpoint) {
      calls.push(`in ${endpoint}`);
      const bytes = Uint8Array.from(pendingReply);
      pendingReply = [];
      return { data: new DataView(bytes.buffer), status: 'ok' };
    },
  };
  return { device, sent, calls };
}

const backendOf = (...devices: UsbPrinterDevice[]): UsbBackend => ({ getDevices: async () => devices });
const job: RenderedJob = { title: 't', paper: 80, escpos: () => Buffer.from('Bonjour\n'), html: () => '' };
const usb = (backend: UsbBackend, platform: NodeJS.Platform = 'linux') =>
  createUsbTransport({ vendorId: 0x04b8, productId: 0x0202, realTimeStatus: true, backend, platform });

async function failureOf(promise: Promise<unknown>): Promise<PrintFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintFailure);
  return error as PrintFailure;
}

describe('USB printer', () => {
  it('claims the printer interface, checks status on bulk IN, sends the job on bulk OUT, lets go', async () => {
    const fake = fakeDevice();
    await usb(backendOf(fake.device)).print(job);
    expect(fake.calls).toEqual(['open', 'claim 0', 'out 1', 'in 2', 'out 1', 'release 0', 'close']);
    expect(Buffer.from(fake.sent[1]!).toString()).toBe('Bonjour\n');
  });

  it('reads status over USB', async () => {
    expect(await usb(backendOf(fakeDevice({ status: 'paper_out' }).device)).status()).toMatchObject({
      state: 'paper_out',
    });
  });

  it('refuses to send when the printer has no paper', async () => {
    const fake = fakeDevice({ status: 'paper_out' });
    expect((await failureOf(usb(backendOf(fake.device)).print(job))).code).toBe('paper_out');
    expect(fake.sent).toHaveLength(1); // the status request only
  });

  it('says which printer is missing', async () => {
    const failure = await failureOf(usb(backendOf()).print(job));
    expect(failure.code).toBe('usb_not_found');
    expect(failure.message).toContain('04b8:0202');
  });

  it('explains the WinUSB driver when Windows refuses the claim', async () => {
    const fake = fakeDevice({ claimError: new Error('LIBUSB_ERROR_NOT_SUPPORTED') });
    const failure = await failureOf(usb(backendOf(fake.device), 'win32').print(job));
    expect(failure.code).toBe('usb_claim');
    expect(failure.message).toMatch(/WinUSB/);
    expect(fake.calls.at(-1)).toBe('close');
  });

  it('on Linux detaches the kernel printer driver once, then claims', async () => {
    const fake = fakeDevice({ claimFailsOnce: true });
    await usb(backendOf(fake.device), 'linux').print(job);
    expect(fake.calls.slice(0, 4)).toEqual(['open', 'claim 0', 'detach 0', 'claim 0']);
  });

  it('a device busy elsewhere gets its own reason', async () => {
    const fake = fakeDevice({ claimError: new Error('LIBUSB_ERROR_BUSY') });
    const failure = await failureOf(usb(backendOf(fake.device), 'darwin').print(job));
    expect(failure.code).toBe('usb_busy');
  });

  it('a stalled transfer is a failed job', async () => {
    const fake = fakeDevice({ outStatus: 'stall' });
    expect((await failureOf(usb(backendOf(fake.device)).print(job))).code).toBe('dropped');
  });

  it('no USB access at all (no driver, no permission)', async () => {
    const broken: UsbBackend = {
      getDevices: async () => {
        throw new Error('getDevices error: /sys/bus/usb/devices/ not found');
      },
    };
    expect((await failureOf(usb(broken).print(job))).code).toBe('usb_unavailable');
    expect(await usb(broken).status()).toMatchObject({ state: 'unreachable' });
    await expect(discoverUsbPrinters(broken)).rejects.toMatchObject({ code: 'usb_unavailable' });
  });

  it('discovers printer-class devices only', async () => {
    const printers = await discoverUsbPrinters(
      backendOf(fakeDevice().device, fakeDevice({ interfaceClass: 3, vendorId: 0x046d }).device),
    );
    expect(printers).toEqual([{ vendorId: 0x04b8, productId: 0x0202, name: 'EPSON TM-T20III' }]);
  });

  it('the real usb module loads and answers (or says why it cannot)', async () => {
    const outcome = await discoverUsbPrinters().then(
      (list) => ({ ok: true as const, list }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (outcome.ok) expect(Array.isArray(outcome.list)).toBe(true);
    else expect(outcome.error).toMatchObject({ code: 'usb_unavailable' });
  });
});
