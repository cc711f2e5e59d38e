/**
 * Dedicated scanners read by the core, with fake USB and serial backends: which devices are opened (scanner
 * vendors only, never a keyboard), their scans, hotplug, and a machine without USB.
 */
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHidPosWatcher } from '../../../electron/core/scanning/hidPosScanners';
import { declaresBarcodeScanner } from '../../../electron/core/scanning/hidReportDescriptor';
import { createScannedDataReader, parseScannedDataReport } from '../../../electron/core/scanning/hidPosReport';
import { createSerialLineReader } from '../../../electron/core/scanning/serialLines';
import { createSerialWatcher, type SerialBackend } from '../../../electron/core/scanning/serialScanners';
import type { UsbScannerDevice, UsbWatchable } from '../../../electron/core/scanning/usbTypes';
import { startCounter } from '../../support/counterUnderTest';

const logger = pino({ level: 'silent' });
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** A Honeywell-style scanned data report: id 2, length, AIM id, data, "more" flag in byte 63. */
function report(data: string, more = false): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x02, data.length, ...ascii(']Q1'), ...ascii(data)]);
  bytes[63] = more ? 1 : 0;
  return bytes;
}

const SCANNER_DESCRIPTOR = new Uint8Array([0x05, 0x8c, 0x09, 0x02, 0xa1, 0x01, 0x85, 0x02, 0xc0]);
const KEYBOARD_DESCRIPTOR = new Uint8Array([0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0xc0]);

interface FakeDevice extends UsbScannerDevice {
  calls: string[];
  deliver(bytes: Uint8Array): void;
}

function fakeDevice(options: {
  vendorId?: number;
  subclass?: number;
  descriptor?: Uint8Array;
  openFails?: string;
  handle?: string;
}): FakeDevice {
  const calls: string[] = [];
  const queue: Uint8Array[] = [];
  let waiting: ((bytes: Uint8Array | null) => void) | null = null;
  const device: FakeDevice = {
    handle: options.handle ?? 'h1',
    vendorId: options.vendorId ?? 0x0c2e,
    productId: 0x0b87,
    productName: 'Voyager 1470g',
    manufacturerName: 'Honeywell',
    serialNumber: 'S1',
    configuration: {
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            interfaceClass: 3,
            interfaceSubclass: options.subclass ?? 0,
            interfaceProtocol: options.subclass === 1 ? 1 : 0,
            endpoints: [{ endpointNumber: 1, direction: 'in', type: 'interrupt', packetSize: 64 }],
          },
        },
      ],
    },
    calls,
    async open() {
      calls.push('open');
      if (options.openFails) throw new Error(options.openFails);
    },
    async close() {
      calls.push('close');
      waiting?.(null);
    },
    async claimInterface(n) {
      calls.push(`claim ${n}`);
    },
    async releaseInterface(n) {
      calls.push(`release ${n}`);
    },
    async detachKernelDriver(n) {
      calls.push(`detach ${n}`);
    },
    async attachKernelDriver(n) {
      calls.push(`attach ${n}`);
    },
    async controlTransferIn() {
      const bytes = options.descriptor ?? SCANNER_DESCRIPTOR;
      return { data: new DataView(bytes.buffer), status: 'ok' };
    },
    async controlTransferOut() {
      calls.push('feature');
      return { status: 'ok' };
    },
    transferIn() {
      const next = queue.shift();
      if (next) return Promise.resolve({ data: new DataView(next.buffer), status: 'ok' });
      return new Promise((resolve, reject) => {
        waiting = (bytes) => {
          waiting = null;
          if (bytes) resolve({ data: new DataView(bytes.buffer), status: 'ok' });
          else reject(new Error('LIBUSB_ERROR_NO_DEVICE'));
        };
      });
    },
    deliver(bytes) {
      if (waiting) waiting(bytes);
      else queue.push(bytes);
    },
  };
  return device;
}

function fakeUsb(devices: UsbScannerDevice[], failure?: string, hotplugFailure?: string) {
  const watchers: { attach: (device: UsbScannerDevice) => void; detach: (handle: string) => void }[] = [];
  const usb: UsbWatchable = {
    async getDevices() {
      if (failure) throw new Error(failure);
      return devices;
    },
    async watch(attach, detach) {
      if (hotplugFailure) throw new Error(hotplugFailure);
      const watcher = { attach, detach };
      watchers.push(watcher);
      return async () => void watchers.splice(watchers.indexOf(watcher), 1);
    },
  };
  return {
    usb,
    watchers,
    attach: (device: UsbScannerDevice) => watchers.forEach((w) => w.attach(device)),
    detach: (handle: string) => watchers.forEach((w) => w.detach(handle)),
  };
}

function hidWatcher(usb: UsbWatchable) {
  const scans: [string, string][] = [];
  const onChange = vi.fn();
  const watcher = createHidPosWatcher({
    load: async () => usb,
    logger,
    onScan: (id, text) => scans.push([id, text]),
    onChange,
    wait: async () => {},
  });
  return { watcher, scans, onChange };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('HID-POS scanners over USB', () => {
  it('opens a scanner, reads its barcodes (continued reports joined), and lists it ready', async () => {
    const device = fakeDevice({});
    const { usb } = fakeUsb([device]);
    const { watcher, scans } = hidWatcher(usb);
    await watcher.start();
    device.deliver(report('PASSCULTURE:v3;TOKEN:', true));
    await flush();
    device.deliver(report('HATLVF'));
    await flush();
    expect(scans).toEqual([['usb:0c2e:0b87:S1', 'PASSCULTURE:v3;TOKEN:HATLVF']]);
    expect(watcher.devices()).toEqual([
      { id: 'usb:0c2e:0b87:S1', kind: 'hid_pos', name: 'Honeywell Voyager 1470g', state: 'ready', detail: null },
    ]);
    expect(device.calls).toEqual(['open', 'detach 0', 'claim 0', 'feature']);
    await watcher.close();
    expect(device.calls.slice(-3)).toEqual(['release 0', 'attach 0', 'close']);
  });

  it('never touches a keyboard, nor a scanner in keyboard mode (boot keyboard: it stays a wedge)', async () => {
    const keyboard = fakeDevice({ vendorId: 0x046d, handle: 'k' });
    const wedge = fakeDevice({ subclass: 1, handle: 'w' });
    const { watcher } = hidWatcher(fakeUsb([keyboard, wedge]).usb);
    await watcher.start();
    expect(keyboard.calls).toEqual([]);
    expect(wedge.calls).toEqual([]);
    expect(watcher.devices()).toEqual([]);
    await watcher.close();
  });

  it('hands a HID interface that is not a barcode scanner back to the system', async () => {
    const other = fakeDevice({ descriptor: KEYBOARD_DESCRIPTOR });
    const { watcher } = hidWatcher(fakeUsb([other]).usb);
    await watcher.start();
    expect(other.calls).toEqual(['open', 'detach 0', 'claim 0', 'release 0', 'attach 0', 'close']);
    expect(watcher.devices()).toEqual([]);
    await watcher.close();
  });

  it('lists a scanner it may not open (permissions, WinUSB driver) with the reason', async () => {
    const locked = fakeDevice({ openFails: 'LIBUSB_ERROR_ACCESS' });
    const { watcher } = hidWatcher(fakeUsb([locked]).usb);
    await watcher.start();
    expect(watcher.devices()).toMatchObject([{ state: 'no_access', detail: 'LIBUSB_ERROR_ACCESS' }]);
    await watcher.close();
  });

  it('hotplug: a scanner plugged in is opened, unplugged is dropped, and each change is announced', async () => {
    const { usb, attach, detach, watchers } = fakeUsb([]);
    const { watcher, onChange, scans } = hidWatcher(usb);
    await watcher.start();
    const device = fakeDevice({ handle: 'later' });
    attach(device);
    await flush();
    expect(watcher.devices()).toHaveLength(1);
    device.deliver(report('HATLVF'));
    await flush();
    expect(scans).toHaveLength(1);
    detach('later');
    await flush();
    expect(watcher.devices()).toEqual([]);
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
    await watcher.close();
    expect(watchers).toEqual([]); // nothing left listening
  });

  it('a machine without USB access: no device, the reason kept, no hotplug subscription', async () => {
    const { usb, watchers } = fakeUsb([], '/sys/bus/usb/devices/ not found');
    const { watcher } = hidWatcher(usb);
    await watcher.start();
    expect(watcher.usbError()).toMatch(/not found/);
    expect(watchers).toEqual([]);
    await watcher.close();
  });

  it('no hotplug here: scanners already plugged in still work, and a refresh finds new ones', async () => {
    const devices: UsbScannerDevice[] = [fakeDevice({ handle: 'a' })];
    const { usb } = fakeUsb(devices, undefined, 'netlink socket denied');
    const { watcher } = hidWatcher(usb);
    await watcher.start();
    expect(watcher.devices()).toHaveLength(1);
    devices.push(fakeDevice({ handle: 'b' }));
    devices.shift();
    await watcher.rescan();
    expect(watcher.devices()).toHaveLength(1);
    await watcher.close();
  });
});

describe('USB-serial scanners', () => {
  function fakeSerial(ports: { path: string; vendorId?: string }[]) {
    const opened = new Map<string, (chunk: Uint8Array) => void>();
    const closed: string[] = [];
    const backend: SerialBackend = {
      list: async () => ports,
      open: async (path, onData) => {
        opened.set(path, onData);
        return { close: async () => void closed.push(path) };
      },
    };
    return { backend, opened, closed, ports };
  }

  it('opens only ports of scanner vendors, reads lines, and closes the ones that went', async () => {
    const serial = fakeSerial([
      { path: '/dev/ttyACM0', vendorId: '0c2e' },
      { path: '/dev/ttyUSB0', vendorId: '1a86' }, // a USB-serial chip (printers, Arduinos): not ours
      { path: '/dev/ttyS0' },
    ]);
    const scans: string[] = [];
    const watcher = createSerialWatcher({
      load: async () => serial.backend,
      logger,
      onScan: (_id, text) => scans.push(text),
      onChange: () => {},
    });
    await watcher.start();
    expect([...serial.opened.keys()]).toEqual(['/dev/ttyACM0']);
    serial.opened.get('/dev/ttyACM0')!(new Uint8Array(ascii('PASSCULTURE:v3;TOK')));
    serial.opened.get('/dev/ttyACM0')!(new Uint8Array(ascii('EN:HATLVF\r\n')));
    expect(scans).toEqual(['PASSCULTURE:v3;TOKEN:HATLVF']);
    serial.ports.splice(0, 1);
    await watcher.rescan();
    expect(serial.closed).toEqual(['/dev/ttyACM0']);
    expect(watcher.devices()).toEqual([]);
    await watcher.close();
  });
});

describe('bytes from scanners', () => {
  it('a report descriptor declares the Bar Code Scanner page (short item, extended usage, after a long item)', () => {
    expect(declaresBarcodeScanner(SCANNER_DESCRIPTOR)).toBe(true);
    expect(declaresBarcodeScanner(new Uint8Array([0x0b, 0x02, 0x00, 0x8c, 0x00]))).toBe(true);
    expect(declaresBarcodeScanner(new Uint8Array([0xfe, 0x02, 0x10, 0x05, 0x8c, 0x06, 0x8c, 0x00]))).toBe(true);
    expect(declaresBarcodeScanner(KEYBOARD_DESCRIPTOR)).toBe(false);
    expect(declaresBarcodeScanner(new Uint8Array([0x07]))).toBe(false); // truncated
  });

  it('HID-POS reports of other ids, short or lying about their length are handled', () => {
    expect(parseScannedDataReport(new Uint8Array([0x01, 5, 0, 0, 0, 65]))).toBeNull();
    expect(parseScannedDataReport(new Uint8Array([0x02, 200, 0x5d, 0x51, 0x31, 65, 66, 13]))).toEqual({
      text: 'AB',
      hasMore: false,
    });
    const reader = createScannedDataReader();
    expect(reader.push(new Uint8Array([0x02]))).toBeNull();
    expect(reader.push(report(''))).toBeNull();
  });

  it('serial bytes without a suffix end after a pause', async () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const reader = createSerialLineReader((text) => lines.push(text), {
        set: (callback, ms) => setTimeout(callback, ms),
        clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      });
      reader.push(new Uint8Array(ascii('HATLVF')));
      expect(lines).toEqual([]);
      vi.advanceTimersByTime(100);
      expect(lines).toEqual(['HATLVF']);
      expect(vi.getTimerCount()).toBe(0); // nothing left running between scans
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the core without any dedicated scanner', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
  });

  it('answers scanner.devices (no device, maybe no USB here), and keeps the learnt layout', async () => {
    const counter = await startCounter();
    close = () => counter.close();
    const devices = await counter.core.dispatch('scanner.devices', {});
    expect(devices).toMatchObject({ ok: true, value: { devices: [] } });
    const set = await counter.core.dispatch('scanner.layout.set', { device: 'keyboard', sources: ['us'], via: 'qr' });
    expect(set).toMatchObject({ ok: true, value: { layouts: [{ device: 'keyboard', sources: ['us'], via: 'qr' }] } });
    expect(await counter.core.dispatch('scanner.layout.get', {})).toMatchObject({
      ok: true,
      value: { layouts: [{ device: 'keyboard', sources: ['us'] }] },
    });
    await counter.core.dispatch('scanner.layout.set', { device: 'keyboard', sources: null, via: 'qr' });
    expect(await counter.core.dispatch('scanner.layout.get', {})).toEqual({ ok: true, value: { layouts: [] } });
    expect(
      await counter.core.dispatch('scanner.layout.set', { device: 'keyboard', sources: ['dvorak'], via: 'qr' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
