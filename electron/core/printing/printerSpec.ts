/**
 * Which printer, as one line of text (COUNTER_PRINTER, or the settings screen):
 *   none · virtual · tcp://host[:port] (9100 by default) · usb://vid:pid (hex) · system:Name · serial:path[@baud]
 */
import { z } from 'zod';
import { pt } from './catalogue';
import { hexId } from './usbTransport';

export type PrinterSpec =
  | { kind: 'none' }
  | { kind: 'virtual' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'usb'; vendorId: number; productId: number }
  | { kind: 'system'; name: string }
  | { kind: 'serial'; path: string; baudRate: number };

export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD_RATE = 9600;

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]+\])$/;

export function parsePrinterSpec(text: string): PrinterSpec | null {
  const spec = text.trim();
  if (spec === 'none' || spec === '') return { kind: 'none' };
  if (spec === 'virtual') return { kind: 'virtual' };
  const tcp = /^tcp:\/\/([^/]+?)(?::(\d{1,5}))?\/?$/.exec(spec);
  if (tcp) {
    const host = tcp[1] ?? '';
    const port = tcp[2] === undefined ? DEFAULT_TCP_PORT : Number(tcp[2]);
    if (!HOST.test(host) || port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: host.replace(/^\[|\]$/g, ''), port };
  }
  const usb = /^usb:\/\/(?:0x)?([0-9a-fA-F]{1,4}):(?:0x)?([0-9a-fA-F]{1,4})$/.exec(spec);
  if (usb) return { kind: 'usb', vendorId: parseInt(usb[1]!, 16), productId: parseInt(usb[2]!, 16) };
  const system = /^system:(.{1,200})$/.exec(spec);
  if (system) return { kind: 'system', name: system[1]! };
  const serial = /^serial:([^@]{1,200})(?:@(\d{3,7}))?$/.exec(spec);
  if (serial) return { kind: 'serial', path: serial[1]!, baudRate: serial[2] ? Number(serial[2]) : DEFAULT_BAUD_RATE };
  return null;
}

export function formatPrinterSpec(spec: PrinterSpec): string {
  switch (spec.kind) {
    case 'none':
    case 'virtual':
      return spec.kind;
    case 'tcp':
      return `tcp://${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${spec.port}`;
    case 'usb':
      return `usb://${hexId(spec.vendorId, spec.productId)}`;
    case 'system':
      return `system:${spec.name}`;
    case 'serial':
      return `serial:${spec.path}@${spec.baudRate}`;
  }
}

/** The printer's name for the cashier, e.g. "Réseau 192.168.1.50:9100". */
export function describePrinter(spec: PrinterSpec): string {
  switch (spec.kind) {
    case 'none':
    case 'virtual':
      return pt(`printer.${spec.kind}`);
    case 'tcp':
      return pt('printer.tcp', { host: spec.host, port: spec.port });
    case 'usb':
      return pt('printer.usb', { id: hexId(spec.vendorId, spec.productId) });
    case 'system':
      return pt('printer.system', { name: spec.name });
    case 'serial':
      return pt('printer.serial', { path: spec.path });
  }
}

/** A spec string from outside (environment, renderer), checked and normalised. */
export const printerSpecTextSchema = z
  .string()
  .max(256)
  .refine(
    (text) => parsePrinterSpec(text) !== null,
    'imprimante invalide (none, virtual, tcp://hôte:port, usb://vid:pid, system:Nom ou serial:port@débit)',
  )
  .transform((text) => formatPrinterSpec(parsePrinterSpec(text)!));
