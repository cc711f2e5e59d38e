/**
 * The OS-printer route, Electron side: the slip's HTML is loaded in a hidden, sandboxed window and printed
 * silently on the named printer, at the paper's real width in microns and the content's height. Without an
 * explicit page size Electron falls back to A4, which receipt printers clip or shrink.
 */
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { SystemPrinterHost, SystemPrinterInfo } from '../core/printing/systemTransport';

/** The part of a BrowserWindow this module uses (tests pass a fake). */
export interface PrintWindow {
  webContents: {
    getPrintersAsync(): Promise<{ name: string; options?: object }[]>;
    executeJavaScript(code: string): Promise<unknown>;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export type PrintWindowFactory = (options: BrowserWindowConstructorOptions) => PrintWindow;

const MICRONS_PER_CSS_PIXEL = 25_400 / 96;
/** Electron refuses page sizes under 353 microns; a slip is never shorter than this anyway. */
const MIN_HEIGHT_MICRONS = 50_000;

const WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 400,
  height: 800,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
};

export function createOsPrinter(createWindow: PrintWindowFactory): SystemPrinterHost {
  async function withWindow<T>(work: (window: PrintWindow) => Promise<T>): Promise<T> {
    const window = createWindow(WINDOW_OPTIONS);
    try {
      return await work(window);
    } finally {
      window.destroy();
    }
  }

  return {
    list: () =>
      withWindow(async (window): Promise<SystemPrinterInfo[]> => {
        const printers = await window.webContents.getPrintersAsync();
        // `isDefault` left PrinterInfo in Electron 23; CUPS and Windows still say it in the options.
        return printers.map((p) => ({ name: p.name, isDefault: isDefaultPrinter(p.options) }));
      }),

    print: (html, { deviceName, paperMm }) =>
      withWindow(async (window) => {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const heightPx = Number(await window.webContents.executeJavaScript('document.documentElement.scrollHeight'));
        const height = Math.max(
          MIN_HEIGHT_MICRONS,
          Math.ceil((Number.isFinite(heightPx) ? heightPx : 0) * MICRONS_PER_CSS_PIXEL),
        );
        await new Promise<void>((resolve, reject) => {
          window.webContents.print(
            {
              silent: true,
              deviceName,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: paperMm * 1000, height },
            },
            (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || 'print failed'))),
          );
        });
      }),
  };
}

function isDefaultPrinter(options: object | undefined): boolean {
  return options !== undefined && 'is-default' in options && options['is-default'] === 'true';
}
