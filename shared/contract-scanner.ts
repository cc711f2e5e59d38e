/**
 * Contract calls and events of barcode scanners: resolving a scan that reads differently under the possible
 * keyboard layouts, the remembered layout of the keyboard-wedge scanner, and dedicated (HID-POS, USB-serial)
 * scanners read by the core. Merged into `contract.ts`.
 */
import { z } from 'zod';
import { READING_SOURCES } from './scanner/readingSource';

const isoUtc = z.string().describe('ISO 8601 instant in UTC');
const token = z.string().regex(/^[A-Z0-9]{6}$/);

export const readingSourceSchema = z.enum(READING_SOURCES);

export const layoutKnowledgeSchema = z.object({
  /** `keyboard` for every keyboard-wedge scanner (the page cannot tell keyboards apart). */
  device: z.string().min(1).max(100),
  sources: z.array(readingSourceSchema).min(1).max(READING_SOURCES.length),
  via: z.enum(['qr', 'calibration']),
  learntAt: isoUtc,
});

export const scannerDeviceSchema = z.object({
  id: z.string(),
  kind: z.enum(['hid_pos', 'serial']),
  /** As the cashier would recognise it, e.g. "Honeywell Voyager 1470g". */
  name: z.string(),
  /** `no_access`: seen but cannot be opened (permissions, driver); `error`: it failed while in use. */
  state: z.enum(['ready', 'no_access', 'error']),
  /** The system's own words on what went wrong (technical, shown under the French explanation), or null. */
  detail: z.string().max(500).nullable(),
});
export type ScannerDevice = z.infer<typeof scannerDeviceSchema>;

const devicesAnswer = z.object({
  devices: z.array(scannerDeviceSchema),
  /** Why USB scanners cannot be read on this machine at all (the system's words), or null. */
  usbError: z.string().max(500).nullable(),
});
export type ScannerDevices = z.infer<typeof devicesAnswer>;

const layoutsAnswer = z.object({ layouts: z.array(layoutKnowledgeSchema) });

export const scannerCalls = {
  /**
   * Which of the readings of one ambiguous scan are real countermarks: the local mirror first, then the
   * platform (404 = does not exist; any other answer about the booking = exists). No ledger row: nothing was
   * looked up for the cashier yet. `unchecked`: could not be told (offline, platform error).
   */
  'counter.resolveCandidates': {
    input: z
      .object({ candidates: z.array(token).min(2).max(8) })
      .strict()
      .refine((input) => new Set(input.candidates).size === input.candidates.length, 'candidates must differ'),
    output: z.object({ existing: z.array(token), unchecked: z.array(token) }),
  },
  /** Dedicated scanners plugged in now (HID-POS, USB-serial); starts watching for them on first call. */
  'scanner.devices': { input: z.object({}).strict(), output: devicesAnswer },
  /** The layouts learnt from QR scans or the calibration code, per device. */
  'scanner.layout.get': { input: z.object({}).strict(), output: layoutsAnswer },
  /** Remembers (or, with `sources: null`, forgets) a device's layout. */
  'scanner.layout.set': {
    input: z
      .object({
        device: z.string().min(1).max(100),
        sources: z.array(readingSourceSchema).min(1).max(READING_SOURCES.length).nullable(),
        via: z.enum(['qr', 'calibration']),
      })
      .strict(),
    output: layoutsAnswer,
  },
} as const;

export const scannerEvents = {
  /** A dedicated scanner read a barcode: its text as sent (the renderer strips prefixes and parses it). */
  'scanner.scan': z.object({ deviceId: z.string(), text: z.string().max(512) }),
  /** A dedicated scanner was plugged in, unplugged, or changed state. */
  'scanner.devices.changed': devicesAnswer,
} as const;
