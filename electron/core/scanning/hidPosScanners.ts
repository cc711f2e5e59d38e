/**
 * HID-POS scanners, read directly over USB with the `usb` package's WebUSB API. A device is only touched when
 * its vendor makes scanners and it has a non-boot HID interface (a scanner in keyboard mode is a boot keyboard:
 * it stays a keyboard wedge); its report descriptor must then declare the Bar Code Scanner page, or it is
 * handed back to the OS. Hotplug comes as attach/detach callbacks; each scanner has one pending interrupt read
 * at a time (the read waits in the USB stack), so nothing spins without a device.
 */
import type { Logger } from 'pino';
import type { ScannerDevice } from '../../../shared/contract';
import { declaresBarcodeScanner } from './hidReportDescriptor';
import { createScannedDataReader } from './hidPosReport';
import { HONEYWELL_VENDOR_IDS, hex4, SCANNER_VENDORS } from './scannerVendors';
import type { UsbInterfaceInfo, UsbScannerDevice, UsbWatchable } from './usbTypes';
import { errorMessage } from '../../../shared/errorText';

const HID_CLASS = 3;
const NO_BOOT_SUBCLASS = 0;
const GET_DESCRIPTOR = 0x06;
const REPORT_DESCRIPTOR_TYPE = 0x22;
const SET_REPORT = 0x09;
const FEATURE_REPORT = 0x03;
/** A read that waits this long without a barcode just starts again. */
const READ_TIMEOUT_MS = 60_000;
/** Reads failing faster than this are errors, not timeouts: back off, and give up after a few. */
const QUICK_FAILURE_MS = 500;
const MAX_QUICK_FAILURES = 5;
const BACKOFF_MS = 1000;

export interface HidPosWatcherDeps {
  load: () => Promise<UsbWatchable>;
  logger: Logger;
  onScan: (deviceId: string, text: string) => void;
  /** A device came, went, or changed state; also any USB hotplug (serial scanners are USB devices too). */
  onChange: () => void;
  wait?: (ms: number) => Promise<void>;
}

interface Claimed {
  view: ScannerDevice;
  device: UsbScannerDevice;
  interfaceNumber: number | null;
  stopped: boolean;
}

function scannerInterface(
  device: UsbScannerDevice,
): { iface: UsbInterfaceInfo; endpoint: number; size: number } | null {
  for (const iface of device.configuration?.interfaces ?? []) {
    const alt = iface.alternate;
    if (alt.interfaceClass !== HID_CLASS || alt.interfaceSubclass !== NO_BOOT_SUBCLASS) continue;
    const input = alt.endpoints.find((e) => e.direction === 'in' && e.type === 'interrupt');
    if (input) return { iface, endpoint: input.endpointNumber, size: Math.max(8, input.packetSize) };
  }
  return null;
}

function deviceId(device: UsbScannerDevice): string {
  return `usb:${hex4(device.vendorId)}:${hex4(device.productId)}:${device.serialNumber ?? ''}`;
}

/** Identity of a plugged-in device across the objects the `usb` package gives for it. */
function handleOf(device: UsbScannerDevice): string {
  return device.handle ?? `${deviceId(device)}@${String(device.productName)}`;
}

function deviceName(device: UsbScannerDevice): string {
  const vendor = device.manufacturerName?.trim() || SCANNER_VENDORS.get(device.vendorId) || '';
  return [vendor, device.productName?.trim() ?? ''].filter(Boolean).join(' ') || hex4(device.productId);
}

function describe(error: unknown): string {
  return errorMessage(error).slice(0, 500);
}

export function createHidPosWatcher(deps: HidPosWatcherDeps) {
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const claimed = new Map<string, Claimed>();
  let usb: UsbWatchable | null = null;
  let stopWatching: (() => Promise<void>) | null = null;
  let usbError: string | null = null;
  let closed = false;

  function setState(entry: Claimed, state: ScannerDevice['state'], detail: string | null): void {
    entry.view = { ...entry.view, state, detail };
    deps.onChange();
  }

  async function readLoop(entry: Claimed, endpoint: number, size: number): Promise<void> {
    const reader = createScannedDataReader();
    let quickFailures = 0;
    while (!entry.stopped) {
      const started = Date.now();
      let failure: unknown;
      try {
        const { data, status } = await entry.device.transferIn(endpoint, size, READ_TIMEOUT_MS);
        if (data && data.byteLength > 0) {
          quickFailures = 0;
          const text = reader.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          if (text !== null) deps.onScan(entry.view.id, text);
          continue;
        }
        failure = new Error(`empty transfer (${status})`);
      } catch (error) {
        failure = error;
      }
      if (entry.stopped) return;
      if (Date.now() - started >= QUICK_FAILURE_MS) continue; // the read timed out: wait again
      // A read that fails at once would otherwise spin: back off, and give up after a few.
      quickFailures += 1;
      if (quickFailures >= MAX_QUICK_FAILURES) {
        deps.logger.warn({ err: describe(failure), device: entry.view.id }, 'HID-POS scanner read failing');
        setState(entry, 'error', describe(failure));
        return;
      }
      await wait(BACKOFF_MS);
    }
  }

  /** A device listed at start may also arrive as a `connect` event: it is opened once. */
  const opening = new Set<string>();

  async function consider(device: UsbScannerDevice): Promise<void> {
    const handle = handleOf(device);
    if (closed || claimed.has(handle) || opening.has(handle)) return;
    opening.add(handle);
    try {
      await open(device);
    } finally {
      opening.delete(handle);
    }
  }

  async function open(device: UsbScannerDevice): Promise<void> {
    if (!SCANNER_VENDORS.has(device.vendorId)) return;
    const found = scannerInterface(device);
    if (!found) return;
    const entry: Claimed = {
      view: { id: deviceId(device), kind: 'hid_pos', name: deviceName(device), state: 'ready', detail: null },
      device,
      interfaceNumber: null,
      stopped: false,
    };
    const number = found.iface.interfaceNumber;
    try {
      await device.open();
      await device.detachKernelDriver?.(number).catch(() => undefined); // not Linux, or no driver bound
      await device.claimInterface(number);
      entry.interfaceNumber = number;
      const setup = { requestType: 'standard', recipient: 'interface', index: number } as const;
      const descriptor = await device.controlTransferIn(
        { ...setup, request: GET_DESCRIPTOR, value: REPORT_DESCRIPTOR_TYPE << 8 },
        1024,
      );
      const bytes = descriptor.data
        ? new Uint8Array(descriptor.data.buffer, descriptor.data.byteOffset, descriptor.data.byteLength)
        : null;
      if (!bytes || !declaresBarcodeScanner(bytes)) {
        await release(entry);
        return;
      }
      if (HONEYWELL_VENDOR_IDS.has(device.vendorId)) {
        // Honeywell scanners send scans over HID-POS only once told to (feature report 0xFE = 1).
        await device
          .controlTransferOut(
            {
              requestType: 'class',
              recipient: 'interface',
              request: SET_REPORT,
              value: (FEATURE_REPORT << 8) | 0xfe,
              index: number,
            },
            new Uint8Array([0xfe, 0x01]),
          )
          .catch(() => undefined);
      }
      claimed.set(handleOf(device), entry);
      deps.onChange();
      void readLoop(entry, found.endpoint, found.size);
    } catch (error) {
      // Seen but not ours to read: udev permissions on Linux, the WinUSB driver on Windows.
      deps.logger.warn({ err: describe(error), device: entry.view.id }, 'HID-POS scanner cannot be opened');
      await release(entry);
      entry.view = { ...entry.view, state: 'no_access', detail: describe(error) };
      claimed.set(handleOf(device), entry);
      deps.onChange();
    }
  }

  async function release(entry: Claimed): Promise<void> {
    entry.stopped = true;
    const number = entry.interfaceNumber;
    entry.interfaceNumber = null;
    if (number !== null) {
      await entry.device.releaseInterface(number).catch(() => undefined);
      await entry.device.attachKernelDriver?.(number).catch(() => undefined);
    }
    await entry.device.close().catch(() => undefined);
  }

  const onAttach = (device: UsbScannerDevice) => {
    deps.onChange();
    void consider(device);
  };
  const onDetach = (handle: string) => {
    const entry = claimed.get(handle);
    if (entry) {
      entry.stopped = true;
      claimed.delete(handle);
    }
    deps.onChange();
  };

  return {
    async start(): Promise<void> {
      let devices: UsbScannerDevice[];
      try {
        usb = await deps.load();
        devices = await usb.getDevices();
      } catch (error) {
        usb = null;
        usbError = describe(error);
        deps.logger.info({ err: usbError }, 'USB scanners unavailable on this machine');
        return;
      }
      for (const device of devices) await consider(device);
      try {
        const stop = await usb.watch(onAttach, onDetach);
        if (closed) await stop();
        else stopWatching = stop;
      } catch (error) {
        // Listed but not watched (no hotplug here): scanners plugged in later need "Actualiser" or a restart.
        deps.logger.warn({ err: describe(error) }, 'USB hotplug unavailable');
      }
    },
    /** Lists the devices again: for a machine without hotplug, and the settings' "Actualiser". */
    async rescan(): Promise<void> {
      if (!usb || closed) return;
      const devices = await usb.getDevices().catch(() => null);
      if (!devices) return;
      const present = new Set(devices.map(handleOf));
      for (const handle of [...claimed.keys()]) if (!present.has(handle)) onDetach(handle);
      for (const device of devices) await consider(device);
    },
    devices(): ScannerDevice[] {
      return [...claimed.values()].map((entry) => entry.view);
    },
    usbError: () => usbError,
    async close(): Promise<void> {
      closed = true;
      await stopWatching?.().catch(() => undefined);
      stopWatching = null;
      const entries = [...claimed.values()];
      claimed.clear();
      await Promise.all(entries.map(release));
    },
  };
}
