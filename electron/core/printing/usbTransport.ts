/**
 * USB printers, directly (no OS driver): the `usb` package's 3.x WebUSB-style API. The printer-class interface
 * (class 7) is claimed; jobs go out on its bulk OUT endpoint and real-time status comes back on bulk IN.
 * Windows only lets a program claim a device bound to the WinUSB driver: that refusal gets its own message.
 * The `usb` module is loaded on first use, so a machine without USB access still starts the guichet.
 */
import { parseStatusReply, STATUS_QUERY, type PrinterStatus } from './status';
import { failureForStatus, PrintFailure, type PrinterTransport, type RenderedJob } from './transport';
import { errorMessage } from '../../../shared/errorText';

/** The part of a WebUSB `USBDevice` this transport uses (the `usb` package's devices have it). */
export interface UsbPrinterDevice {
  vendorId: number;
  productId: number;
  productName?: string | null;
  manufacturerName?: string | null;
  readonly opened: boolean;
  readonly configuration: UsbConfiguration | null | undefined;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  detachKernelDriver?(interfaceNumber: number): Promise<void>;
  transferOut(
    endpoint: number,
    data: Uint8Array,
    timeoutMs?: number,
  ): Promise<{ bytesWritten: number; status: string }>;
  transferIn(endpoint: number, length: number, timeoutMs?: number): Promise<{ data?: DataView; status: string }>;
}

interface UsbConfiguration {
  configurationValue: number;
  interfaces: {
    interfaceNumber: number;
    alternate: {
      interfaceClass: number;
      endpoints: { endpointNumber: number; direction: string; type: string }[];
    };
  }[];
}

export interface UsbBackend {
  getDevices(): Promise<UsbPrinterDevice[]>;
}

export interface UsbPrinterInfo {
  vendorId: number;
  productId: number;
  name: string;
}

const PRINTER_CLASS = 7;

/** The `usb` package's allow-all WebUSB object (loaded lazily: native code). */
export async function defaultUsbBackend(): Promise<UsbBackend> {
  try {
    const { usb } = await import('usb');
    return usb as unknown as UsbBackend;
  } catch (error) {
    throw new PrintFailure('usb_unavailable', errorMessage(error));
  }
}

export function hexId(vendorId: number, productId: number): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `${hex(vendorId)}:${hex(productId)}`;
}

function printerInterface(device: UsbPrinterDevice) {
  const found = device.configuration?.interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS);
  if (!found) return null;
  const bulk = (direction: string) =>
    found.alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === direction)?.endpointNumber;
  return { number: found.interfaceNumber, out: bulk('out'), in: bulk('in') };
}

/** USB devices that have a printer-class interface (settings' discovery). */
export async function discoverUsbPrinters(backend?: UsbBackend): Promise<UsbPrinterInfo[]> {
  const devices = await (backend ?? (await defaultUsbBackend())).getDevices().catch((error: unknown) => {
    throw new PrintFailure('usb_unavailable', errorMessage(error));
  });
  return devices
    .filter((device) => printerInterface(device) !== null)
    .map((device) => ({
      vendorId: device.vendorId,
      productId: device.productId,
      name:
        [device.manufacturerName, device.productName].filter(Boolean).join(' ') ||
        hexId(device.vendorId, device.productId),
    }));
}

export interface UsbTransportOptions {
  vendorId: number;
  productId: number;
  realTimeStatus: boolean;
  backend?: UsbBackend;
  transferTimeoutMs?: number;
  platform?: NodeJS.Platform;
}

export function createUsbTransport(options: UsbTransportOptions): PrinterTransport {
  const id = hexId(options.vendorId, options.productId);
  const timeoutMs = options.transferTimeoutMs ?? 5000;
  const platform = options.platform ?? process.platform;

  /** Opens the device, claims its printer interface, runs `work`, and always lets go of it. */
  async function withPrinter<T>(
    work: (device: UsbPrinterDevice, endpoints: { out: number; in?: number }) => Promise<T>,
  ) {
    const backend = options.backend ?? (await defaultUsbBackend());
    const devices = await backend.getDevices().catch((error: unknown) => {
      throw new PrintFailure('usb_unavailable', errorMessage(error));
    });
    const device = devices.find((d) => d.vendorId === options.vendorId && d.productId === options.productId);
    if (!device) throw new PrintFailure('usb_not_found', '', { id });
    let claimed: number | null = null;
    try {
      if (!device.opened) await device.open().catch((error: unknown) => refuse(error));
      if (!device.configuration) await device.selectConfiguration(1);
      const printer = printerInterface(device);
      if (!printer || printer.out === undefined)
        throw new PrintFailure('usb_not_found', 'no printer interface', { id });
      await claim(device, printer.number);
      claimed = printer.number;
      return await work(device, { out: printer.out, in: printer.in });
    } finally {
      if (claimed !== null) await device.releaseInterface(claimed).catch(() => undefined);
      await device.close().catch(() => undefined);
    }
  }

  async function claim(device: UsbPrinterDevice, interfaceNumber: number): Promise<void> {
    try {
      await device.claimInterface(interfaceNumber);
    } catch (first) {
      // On Linux the kernel's usblp driver may hold the printer: detach it once, then claim again.
      if (platform === 'linux' && device.detachKernelDriver) {
        await device.detachKernelDriver(interfaceNumber).catch(() => undefined);
        await device.claimInterface(interfaceNumber).catch((error: unknown) => refuse(error));
        return;
      }
      refuse(first);
    }
  }

  function refuse(error: unknown): never {
    const detail = errorMessage(error);
    if (platform === 'win32') throw new PrintFailure('usb_claim', detail);
    throw new PrintFailure('usb_busy', detail);
  }

  async function send(device: UsbPrinterDevice, endpoint: number, bytes: Uint8Array): Promise<void> {
    const result = await device.transferOut(endpoint, bytes, timeoutMs).catch((error: unknown) => {
      throw transferFailure(error);
    });
    if (result.status !== 'ok' || result.bytesWritten < bytes.length) {
      throw new PrintFailure('dropped', `transfer ${result.status}, ${result.bytesWritten}/${bytes.length} bytes`);
    }
  }

  async function readStatus(device: UsbPrinterDevice, endpoints: { out: number; in?: number }): Promise<PrinterStatus> {
    if (endpoints.in === undefined) return { state: 'unknown', paperNearEnd: false };
    await send(device, endpoints.out, STATUS_QUERY);
    let reply = new Uint8Array(0);
    const deadline = Date.now() + timeoutMs;
    while (reply.length < 3 && Date.now() < deadline) {
      const result = await device.transferIn(endpoints.in, 64, timeoutMs).catch((error: unknown) => {
        throw transferFailure(error);
      });
      if (result.status !== 'ok' || !result.data) throw new PrintFailure('dropped', `status ${result.status}`);
      const chunk = new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength);
      reply = Uint8Array.from([...reply, ...chunk]);
    }
    if (reply.length < 3) throw new PrintFailure('timeout', 'no status reply');
    return parseStatusReply(reply.subarray(0, 3));
  }

  return {
    kind: 'usb',
    async status() {
      try {
        if (!options.realTimeStatus) return await withPrinter(async () => ({ state: 'unknown', paperNearEnd: false }));
        return await withPrinter(readStatus);
      } catch (error) {
        const detail = error instanceof PrintFailure ? error.message : String(error);
        return { state: 'unreachable', paperNearEnd: false, detail };
      }
    },
    async print(job: RenderedJob) {
      const bytes = job.escpos();
      await withPrinter(async (device, endpoints) => {
        if (options.realTimeStatus && endpoints.in !== undefined) {
          const refusal = failureForStatus(await readStatus(device, endpoints));
          if (refusal) throw refusal;
        }
        await send(device, endpoints.out, bytes);
      });
    },
    async close() {},
  };
}

function transferFailure(error: unknown): PrintFailure {
  const detail = errorMessage(error);
  return new PrintFailure(/timed? ?out/i.test(detail) ? 'timeout' : 'dropped', detail);
}
