/**
 * The OS printer (any printer with a driver, thermal or not), through the host: Electron prints the slip's HTML
 * silently at the paper's real width. The core only knows this interface, so it stays Electron-free; in browser
 * mode there is no such host and jobs fail with a clear reason.
 */
import type { PrinterStatus } from './status';
import { PrintFailure, type PrinterTransport, type RenderedJob } from './transport';
import { errorMessage } from '../../../shared/errorText';

export interface SystemPrinterInfo {
  name: string;
  isDefault: boolean;
}

export interface SystemPrinterHost {
  list(): Promise<SystemPrinterInfo[]>;
  /** Prints `html` on `deviceName`, `paperMm` wide; rejects with the OS's reason. */
  print(html: string, options: { deviceName: string; paperMm: 58 | 80; title: string }): Promise<void>;
}

export function createSystemTransport(name: string, host: SystemPrinterHost | undefined): PrinterTransport {
  return {
    kind: 'system',
    async status(): Promise<PrinterStatus> {
      if (!host) return { state: 'unreachable', paperNearEnd: false, detail: 'no OS printing in this host' };
      try {
        const printers = await host.list();
        // The spooler tells no paper or cover state: a known printer is as much as can be said.
        return printers.some((p) => p.name === name)
          ? { state: 'unknown', paperNearEnd: false }
          : { state: 'unreachable', paperNearEnd: false, detail: `no OS printer named ${name}` };
      } catch (error) {
        return { state: 'unreachable', paperNearEnd: false, detail: String(error) };
      }
    },
    async print(job: RenderedJob) {
      if (!host) throw new PrintFailure('system_unavailable');
      await host
        .print(job.html(), { deviceName: name, paperMm: job.paper, title: job.title })
        .catch((error: unknown) => {
          throw new PrintFailure('system', errorMessage(error));
        });
    },
    async close() {},
  };
}
