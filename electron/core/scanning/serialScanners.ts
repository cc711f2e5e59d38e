/**
 * USB-serial (CDC) scanners through the `serialport` package. Only ports whose USB vendor makes scanners are
 * opened: any other port may be a receipt printer's or a modem's. The port list is read again whenever USB
 * devices come or go (and when the settings ask), never on a timer.
 */
import type { Logger } from 'pino';
import type { ScannerDevice } from '../../../shared/contract';
import { scannerVendorName } from './scannerVendors';
import { createSerialLineReader } from './serialLines';
import { errorMessage } from '../../../shared/errorText';

export interface SerialPortInfo {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
}

export interface OpenSerialPort {
  close(): Promise<void>;
}

export interface SerialBackend {
  list(): Promise<SerialPortInfo[]>;
  open(
    path: string,
    onData: (chunk: Uint8Array) => void,
    onGone: (error: string | null) => void,
  ): Promise<OpenSerialPort>;
}

export interface SerialWatcherDeps {
  load: () => Promise<SerialBackend>;
  logger: Logger;
  onScan: (deviceId: string, text: string) => void;
  onChange: () => void;
}

interface OpenScanner {
  view: ScannerDevice;
  port: OpenSerialPort | null;
  close(): Promise<void>;
}

function describe(error: unknown): string {
  return errorMessage(error).slice(0, 500);
}

export function createSerialWatcher(deps: SerialWatcherDeps) {
  const scanners = new Map<string, OpenScanner>();
  let backend: SerialBackend | null = null;
  let closed = false;
  let rescanning: Promise<void> = Promise.resolve();

  async function openScanner(info: SerialPortInfo, vendor: string): Promise<void> {
    const id = `serial:${info.path}`;
    const lines = createSerialLineReader((text) => deps.onScan(id, text), {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    const name = `${info.manufacturer?.trim() || vendor} (${info.path})`;
    const entry: OpenScanner = {
      view: { id, kind: 'serial', name, state: 'ready', detail: null },
      port: null,
      async close() {
        lines.close();
        await entry.port?.close().catch(() => undefined);
        entry.port = null;
      },
    };
    scanners.set(info.path, entry);
    try {
      entry.port = await backend!.open(
        info.path,
        (chunk) => lines.push(chunk),
        (error) => {
          lines.close();
          entry.port = null;
          if (error !== null && scanners.get(info.path) === entry) {
            // The screen says what to do; the port's own words go to the log.
            deps.logger.warn({ err: error, path: info.path }, 'serial scanner stopped');
            entry.view = { ...entry.view, state: 'error', detail: error };
            deps.onChange();
          }
        },
      );
    } catch (error) {
      deps.logger.warn({ err: describe(error), path: info.path }, 'serial scanner cannot be opened');
      entry.view = { ...entry.view, state: 'no_access', detail: describe(error) };
    }
  }

  async function rescanNow(): Promise<void> {
    if (closed || !backend) return;
    let ports: SerialPortInfo[];
    try {
      ports = await backend.list();
    } catch (error) {
      deps.logger.warn({ err: describe(error) }, 'serial ports cannot be listed');
      return;
    }
    let changed = false;
    const present = new Set(ports.map((p) => p.path));
    for (const [path, entry] of scanners) {
      if (present.has(path)) continue;
      scanners.delete(path);
      await entry.close();
      changed = true;
    }
    for (const info of ports) {
      const vendor = scannerVendorName(info.vendorId);
      if (!vendor || scanners.has(info.path) || closed) continue;
      await openScanner(info, vendor);
      changed = true;
    }
    if (changed) deps.onChange();
  }

  /** Reads the port list again (one at a time). */
  function rescan(): Promise<void> {
    rescanning = rescanning.then(rescanNow, rescanNow);
    return rescanning;
  }

  return {
    async start(): Promise<void> {
      try {
        backend = await deps.load();
      } catch (error) {
        deps.logger.info({ err: describe(error) }, 'serial scanners unavailable on this machine');
        return;
      }
      await rescan();
    },
    rescan,
    devices(): ScannerDevice[] {
      return [...scanners.values()].map((entry) => entry.view);
    },
    async close(): Promise<void> {
      closed = true;
      await rescanning.catch(() => undefined);
      const entries = [...scanners.values()];
      scanners.clear();
      await Promise.all(entries.map((entry) => entry.close()));
    },
  };
}

/** The real backend: `serialport` loaded on first use (native code). CDC ignores the baud rate. */
export async function loadSerialBackend(): Promise<SerialBackend> {
  const { SerialPort } = await import('serialport');
  return {
    list: () => SerialPort.list(),
    open: (path, onData, onGone) =>
      new Promise<OpenSerialPort>((resolve, reject) => {
        const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
        port.on('data', (chunk: Buffer) => onData(new Uint8Array(chunk)));
        port.on('close', (error: Error | null) => onGone(error ? describe(error) : null));
        port.on('error', (error: Error) => onGone(describe(error)));
        port.open((error) => {
          if (error) reject(error);
          else
            resolve({
              close: () =>
                new Promise<void>((done) => {
                  if (!port.isOpen) done();
                  else port.close(() => done());
                }),
            });
        });
      }),
  };
}
