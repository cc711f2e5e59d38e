/**
 * The printer spec (`tcp://host:port`, `usb://vid:pid`…) split into the fields of the settings form and joined
 * back. The core checks the result; this only spares the cashier from typing the syntax.
 */
export type PrinterKind = 'none' | 'virtual' | 'tcp' | 'usb' | 'system' | 'serial';

export interface PrinterChoice {
  kind: PrinterKind;
  host: string;
  port: string;
  usbId: string;
  systemName: string;
  serialPath: string;
  baudRate: string;
}

export const PRINTER_KINDS: readonly PrinterKind[] = ['virtual', 'tcp', 'usb', 'system', 'serial', 'none'];

const EMPTY: PrinterChoice = {
  kind: 'none',
  host: '',
  port: '9100',
  usbId: '',
  systemName: '',
  serialPath: '',
  baudRate: '9600',
};

export function choiceOfSpec(spec: string): PrinterChoice {
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(spec);
  if (tcp) return { ...EMPTY, kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port: tcp[2] ?? '9100' };
  const usb = /^usb:\/\/(.+)$/.exec(spec);
  if (usb) return { ...EMPTY, kind: 'usb', usbId: usb[1] ?? '' };
  const system = /^system:(.+)$/.exec(spec);
  if (system) return { ...EMPTY, kind: 'system', systemName: system[1] ?? '' };
  const serial = /^serial:([^@]+)(?:@(\d+))?$/.exec(spec);
  if (serial) return { ...EMPTY, kind: 'serial', serialPath: serial[1] ?? '', baudRate: serial[2] ?? '9600' };
  return { ...EMPTY, kind: spec === 'virtual' ? 'virtual' : 'none' };
}

export function specOfChoice(choice: PrinterChoice): string {
  switch (choice.kind) {
    case 'none':
    case 'virtual':
      return choice.kind;
    case 'tcp': {
      const host = choice.host.trim().includes(':') ? `[${choice.host.trim()}]` : choice.host.trim();
      return `tcp://${host}:${choice.port.trim() || '9100'}`;
    }
    case 'usb':
      return `usb://${choice.usbId.trim()}`;
    case 'system':
      return `system:${choice.systemName}`;
    case 'serial':
      return `serial:${choice.serialPath.trim()}@${choice.baudRate.trim() || '9600'}`;
  }
}
