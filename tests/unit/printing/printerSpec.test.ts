import { describe, expect, it } from 'vitest';
import {
  formatPrinterSpec,
  parsePrinterSpec,
  printerSpecTextSchema,
} from '../../../electron/core/printing/printerSpec';

describe('printer spec', () => {
  it.each([
    ['virtual', { kind: 'virtual' }],
    ['none', { kind: 'none' }],
    ['tcp://192.168.1.50', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://imprimante.local:9101', { kind: 'tcp', host: 'imprimante.local', port: 9101 }],
    ['tcp://[fe80::1]:9100', { kind: 'tcp', host: 'fe80::1', port: 9100 }],
    ['usb://04b8:0202', { kind: 'usb', vendorId: 0x04b8, productId: 0x0202 }],
    ['usb://0x0519:0x0003', { kind: 'usb', vendorId: 0x0519, productId: 3 }],
    ['system:EPSON TM-T20III', { kind: 'system', name: 'EPSON TM-T20III' }],
    ['serial:/dev/ttyUSB0@19200', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 }],
    ['serial:COM3', { kind: 'serial', path: 'COM3', baudRate: 9600 }],
  ])('%s', (text, spec) => {
    expect(parsePrinterSpec(text)).toEqual(spec);
    expect(parsePrinterSpec(formatPrinterSpec(parsePrinterSpec(text)!))).toEqual(spec);
  });

  it.each(['tcp://', 'tcp://host:99999', 'usb://04b8', 'lpt1', 'http://printer', 'tcp://a b'])('refuses %s', (text) => {
    expect(parsePrinterSpec(text)).toBeNull();
    expect(printerSpecTextSchema.safeParse(text).success).toBe(false);
  });

  it('normalises what it accepts', () => {
    expect(printerSpecTextSchema.parse('tcp://10.0.0.9')).toBe('tcp://10.0.0.9:9100');
  });
});
