/**
 * Real-time printer status (`DLE EOT n`, Epson ESC/POS): what the printer says about itself right now, answered
 * even while it is offline or its buffer is full. One byte per request; each reply is parsed as untrusted input.
 *   n = 1 printer status   bit 3: offline
 *   n = 2 offline cause    bit 2: cover open · bit 5: stopped at paper end · bit 6: error
 *   n = 4 roll paper       bits 2–3: paper near end · bits 5–6: paper end
 * Every reply byte has bit 1 and bit 4 set, bit 0 and bit 7 clear (0xx1xx10).
 */
import { z } from 'zod';

export const PRINTER_STATES = [
  'online',
  'offline',
  'cover_open',
  'paper_out',
  'error',
  'unreachable',
  'unknown',
  'none',
] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

export interface PrinterStatus {
  state: PrinterState;
  paperNearEnd: boolean;
  /** Why the printer could not be asked (unreachable), for the log and the cashier. */
  detail?: string;
}

/** The three requests, sent together: replies come back one byte each, in order. */
export const STATUS_REQUESTS = [1, 2, 4] as const;
export const STATUS_QUERY = Buffer.from(STATUS_REQUESTS.flatMap((n) => [0x10, 0x04, n]));

const statusByte = z
  .number()
  .int()
  .min(0)
  .max(255)
  .refine((b) => (b & 0b1001_0011) === 0b0001_0010, 'not a DLE EOT status byte');
const statusReply = z.tuple([statusByte, statusByte, statusByte]);

export class MalformedStatusError extends Error {
  override name = 'MalformedStatusError';
}

/** The status from the three reply bytes (printer, offline cause, roll paper); throws on anything else. */
export function parseStatusReply(reply: unknown): PrinterStatus {
  const parsed = statusReply.safeParse(reply instanceof Uint8Array ? [...reply] : reply);
  if (!parsed.success) throw new MalformedStatusError(`unexpected status reply ${describeBytes(reply)}`);
  const [printer, cause, paper] = parsed.data;
  const paperNearEnd = (paper & 0x0c) !== 0;
  if ((paper & 0x60) !== 0 || (cause & 0x20) !== 0) return { state: 'paper_out', paperNearEnd };
  if ((cause & 0x04) !== 0) return { state: 'cover_open', paperNearEnd };
  if ((cause & 0x40) !== 0) return { state: 'error', paperNearEnd };
  if ((printer & 0x08) !== 0) return { state: 'offline', paperNearEnd };
  return { state: 'online', paperNearEnd };
}

/** The reply bytes a printer in this state sends (the fake printers answer with these). */
export function statusReplyFor(state: 'online' | 'offline' | 'cover_open' | 'paper_out' | 'error', nearEnd = false) {
  const base = 0x12;
  const offline = state === 'online' ? 0 : 0x08;
  const cause = { online: 0, offline: 0, cover_open: 0x04, paper_out: 0x20, error: 0x40 }[state];
  const paper = (state === 'paper_out' ? 0x60 : 0) | (nearEnd || state === 'paper_out' ? 0x0c : 0);
  return { 1: base | offline, 2: base | cause, 4: base | paper } as Record<number, number>;
}

function describeBytes(reply: unknown): string {
  if (reply instanceof Uint8Array) return Buffer.from(reply).toString('hex');
  try {
    return JSON.stringify(reply);
  } catch {
    return String(reply);
  }
}
