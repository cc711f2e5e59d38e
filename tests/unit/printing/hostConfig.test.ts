/** COUNTER_PRINTER: read with the rest of the host's configuration, refused clearly when it is not a printer. */
import { describe, expect, it } from 'vitest';
import { ConfigError, readHostConfig } from '../../../electron/host/config';

describe('COUNTER_PRINTER', () => {
  it('is optional, and normalised when given', () => {
    expect(readHostConfig({}).printer).toBeUndefined();
    expect(readHostConfig({ COUNTER_PRINTER: ' tcp://192.168.1.50 ' }).printer).toBe('tcp://192.168.1.50:9100');
    expect(readHostConfig({ COUNTER_PRINTER: 'usb://04B8:0202' }).printer).toBe('usb://04b8:0202');
    expect(readHostConfig({ COUNTER_PRINTER: 'virtual' }).printer).toBe('virtual');
  });

  it('refuses anything else with a French message naming the variable', () => {
    expect(() => readHostConfig({ COUNTER_PRINTER: 'lpt1' })).toThrow(ConfigError);
    expect(() => readHostConfig({ COUNTER_PRINTER: 'lpt1' })).toThrow(/COUNTER_PRINTER.*imprimante invalide/);
  });
});
