/**
 * Printing a host adds to every core it starts, registered once at startup (Electron registers the OS printer).
 * Kept apart from the bootstrap so registering it does not load the engine.
 */
import type { PrinterDeps } from './printingService';

export type HostPrinting = Omit<PrinterDeps, 'defaultSpec'>;

let registered: HostPrinting = {};

export function registerHostPrinting(printing: HostPrinting): void {
  registered = { ...registered, ...printing };
}

export function registeredHostPrinting(): HostPrinting {
  return registered;
}
