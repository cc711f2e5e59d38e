/** Electron's part of printing: the OS printers, offered to every core the supervisor starts. */
import { BrowserWindow } from 'electron';
import { registerHostPrinting } from '../core/printing/hostPrinting';
import { createOsPrinter } from './osPrinter';

export function registerOsPrinter(): void {
  registerHostPrinting({ system: createOsPrinter((options) => new BrowserWindow(options)) });
}
