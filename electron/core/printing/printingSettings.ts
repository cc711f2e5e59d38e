/**
 * The counter's printing settings, kept in the `settings` table (key `printing`). Until someone saves them, the
 * printer is the host's default (COUNTER_PRINTER, or the virtual printer in demo mode).
 */
import { z } from 'zod';
import type { SettingsStore } from '../db/settings';
import { SLIP_CODE_PAGES } from './codePages';
import { DIALECTS } from './escpos';
import { formatPrinterSpec, parsePrinterSpec, type PrinterSpec } from './printerSpec';

export const printingSettingsSchema = z.object({
  printer: z.string(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  dialect: z.enum(DIALECTS),
  codePage: z.enum(SLIP_CODE_PAGES),
  nameFormat: z.enum(['full', 'initials']),
  autoPrint: z.boolean(),
});
export type PrintingSettings = z.infer<typeof printingSettingsSchema>;

const KEY = 'printing';

export function defaultPrintingSettings(defaultPrinter: PrinterSpec): PrintingSettings {
  return {
    printer: formatPrinterSpec(defaultPrinter),
    paperWidth: 80,
    dialect: 'epson',
    // WPC1252 has every French character (œ, ’, —); PC858 is the fallback for printers without it.
    codePage: 'WPC1252',
    nameFormat: 'full',
    autoPrint: defaultPrinter.kind !== 'none',
  };
}

export function loadPrintingSettings(store: SettingsStore, defaultPrinter: PrinterSpec) {
  const saved = store.read(KEY, printingSettingsSchema);
  const settings = saved && parsePrinterSpec(saved.printer) ? saved : defaultPrintingSettings(defaultPrinter);
  return { settings, saved: saved !== null };
}

export function savePrintingSettings(store: SettingsStore, settings: PrintingSettings): void {
  store.write(KEY, settings);
}
