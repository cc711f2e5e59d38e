/**
 * The OS-printer route: the Electron side prints the slip's HTML silently at the paper's width in microns (never
 * the A4 default), and the core's system transport reports what the OS says.
 */
import { describe, expect, it } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { createSystemTransport } from '../../../electron/core/printing/systemTransport';
import { createOsPrinter, type PrintWindow } from '../../../electron/printing/osPrinter';

function fakeWindows(outcome: { success: boolean; reason?: string } = { success: true }) {
  const printed: { url: string; options: WebContentsPrintOptions }[] = [];
  let destroyed = 0;
  let url = '';
  const factory = (): PrintWindow => ({
    webContents: {
      getPrintersAsync: async () => [
        { name: 'TM-T20III', options: { 'is-default': 'true' } },
        { name: 'Bureau', options: {} },
      ],
      executeJavaScript: async () => 600,
      print: (options, callback) => {
        printed.push({ url, options });
        callback(outcome.success, outcome.reason ?? '');
      },
    },
    loadURL: async (loaded) => {
      url = loaded;
    },
    destroy: () => {
      destroyed += 1;
    },
  });
  return { factory, printed, destroyed: () => destroyed };
}

describe('OS printer', () => {
  it('prints silently on the named printer, 80 mm wide in microns, as tall as the slip', async () => {
    const windows = fakeWindows();
    await createOsPrinter(windows.factory).print('<p>Bonjour é €</p>', {
      deviceName: 'TM-T20III',
      paperMm: 80,
      title: 't',
    });
    const [{ url, options }] = windows.printed as [(typeof windows.printed)[number]];
    expect(options).toMatchObject({
      silent: true,
      deviceName: 'TM-T20III',
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 158_750 }, // 600 CSS px = 158.75 mm
    });
    expect(decodeURIComponent(url)).toContain('Bonjour é €');
    expect(windows.destroyed()).toBe(1);
  });

  it('58 mm paper, and a short slip is never under 50 mm', async () => {
    const windows = fakeWindows();
    const host = createOsPrinter(() => ({
      ...windows.factory(),
      webContents: { ...windows.factory().webContents, executeJavaScript: async () => 10 },
    }));
    await host.print('<p>x</p>', { deviceName: 'P', paperMm: 58, title: 't' });
    expect(windows.printed[0]!.options.pageSize).toEqual({ width: 58_000, height: 50_000 });
  });

  it('lists printers with the default one', async () => {
    expect(await createOsPrinter(fakeWindows().factory).list()).toEqual([
      { name: 'TM-T20III', isDefault: true },
      { name: 'Bureau', isDefault: false },
    ]);
  });

  it('a refused print is a failed job with the OS reason; no host means no OS printing', async () => {
    const host = createOsPrinter(fakeWindows({ success: false, reason: 'Printer is offline' }).factory);
    const transport = createSystemTransport('TM-T20III', host);
    const job = { title: 't', paper: 80 as const, escpos: () => Buffer.alloc(0), html: () => '<p>x</p>' };
    await expect(transport.print(job)).rejects.toMatchObject({ code: 'system', detail: 'Printer is offline' });
    expect(await transport.status()).toMatchObject({ state: 'unknown' });
    expect(await createSystemTransport('Absente', host).status()).toMatchObject({ state: 'unreachable' });
    await expect(createSystemTransport('TM-T20III', undefined).print(job)).rejects.toMatchObject({
      code: 'system_unavailable',
    });
  });
});
