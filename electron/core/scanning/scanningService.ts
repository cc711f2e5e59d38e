/**
 * Dedicated scanners (HID-POS over USB, USB-serial) and the scanner settings, as the core's contract handlers.
 * Nothing is loaded or opened until the interface first asks for the devices: tests and machines without USB
 * never load the native modules. Scans and device changes go out as contract events.
 */
import type { Logger } from 'pino';
import type { EventPayload, ScannerDevices } from '../../../shared/contract';
import type { SettingsStore } from '../db/settings';
import { createHidPosWatcher } from './hidPosScanners';
import { createLayoutStore } from './layoutStore';
import { createSerialWatcher, loadSerialBackend, type SerialBackend } from './serialScanners';
import { loadWebUsb, type UsbWatchable } from './usbTypes';

export interface ScanningDeps {
  /** Where learnt keyboard layouts are kept. */
  settings: SettingsStore;
  logger: Logger;
  now: () => string;
  emitScan: (payload: EventPayload<'scanner.scan'>) => void;
  emitDevices: (payload: EventPayload<'scanner.devices.changed'>) => void;
  /** Tests pass fakes; by default the `usb` and `serialport` packages. */
  loadUsb?: () => Promise<UsbWatchable>;
  loadSerial?: () => Promise<SerialBackend>;
}

export function createScanning(deps: ScanningDeps) {
  const layouts = createLayoutStore(deps.settings, deps.now);
  const onScan = (deviceId: string, text: string) => deps.emitScan({ deviceId, text });
  const serial = createSerialWatcher({
    load: deps.loadSerial ?? loadSerialBackend,
    logger: deps.logger,
    onScan,
    onChange: () => publish(),
  });
  const hid = createHidPosWatcher({
    load: deps.loadUsb ?? loadWebUsb,
    logger: deps.logger,
    onScan,
    // Any USB hotplug may be a serial scanner too: its port appears or goes.
    onChange: () => {
      publish();
      void serial.rescan();
    },
  });

  let started: Promise<void> | null = null;
  let closed = false;

  function snapshot(): ScannerDevices {
    return { devices: [...hid.devices(), ...serial.devices()], usbError: hid.usbError() };
  }
  function publish(): void {
    if (!closed) deps.emitDevices(snapshot());
  }
  function start(): Promise<void> {
    started ??= (async () => {
      await hid.start();
      await serial.start();
    })().catch((error: unknown) => deps.logger.warn({ err: String(error) }, 'dedicated scanners failed to start'));
    return started;
  }

  return {
    handlers: {
      'scanner.devices': async () => {
        const first = started === null;
        await start();
        if (!first) {
          await hid.rescan();
          await serial.rescan();
        }
        return snapshot();
      },
      'scanner.layout.get': () => ({ layouts: layouts.all() }),
      'scanner.layout.set': ({ device, sources, via }: { device: string; sources: LayoutSources; via: Via }) => ({
        layouts: layouts.set(device, sources, via),
      }),
    },
    async close(): Promise<void> {
      closed = true;
      await started;
      await hid.close();
      await serial.close();
    },
  };
}

type LayoutSources = Parameters<ReturnType<typeof createLayoutStore>['set']>[1];
type Via = Parameters<ReturnType<typeof createLayoutStore>['set']>[2];
