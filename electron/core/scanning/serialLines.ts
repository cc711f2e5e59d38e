/**
 * USB-serial (CDC) scanners send the barcode's bytes, usually ended by CR, LF or both, sometimes by nothing:
 * a pause then ends it. The timer only runs while a barcode is half-received; nothing is polled.
 */
import { MAX_SCAN_TEXT } from './hidPosReport';

/** Longer than any gap inside one barcode at 9600 baud and up. */
export const SERIAL_IDLE_MS = 60;

const ENDS_BARCODE = new Set([0x0d, 0x0a, 0x09, 0x03]); // CR, LF, Tab, ETX

export interface LineTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export function createSerialLineReader(onLine: (text: string) => void, timers: LineTimers) {
  let pending = '';
  let timer: unknown = null;

  function flush(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    const text = pending;
    pending = '';
    if (text !== '') onLine(text);
  }

  return {
    push(chunk: Uint8Array): void {
      for (const byte of chunk) {
        if (ENDS_BARCODE.has(byte)) flush();
        else if (byte >= 0x20 && byte !== 0x7f && pending.length < MAX_SCAN_TEXT) pending += String.fromCharCode(byte);
      }
      if (timer !== null) timers.clear(timer);
      timer = pending === '' ? null : timers.set(flush, SERIAL_IDLE_MS);
    },
    close(): void {
      if (timer !== null) timers.clear(timer);
      timer = null;
      pending = '';
    },
  };
}
