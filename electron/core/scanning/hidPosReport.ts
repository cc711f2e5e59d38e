/**
 * HID-POS "scanned data" input reports (bytes from the scanner, untrusted) to barcode text. The layout used by
 * Honeywell, Zebra and Datalogic in HID-POS mode: report id 0x02, data length, 3-byte AIM symbology identifier,
 * up to 56 data bytes, and in the last byte of a 64-byte report a flag "more data follows" for long barcodes
 * (a QR payload fits in one). Other reports (status, other ids) are ignored.
 */
const SCANNED_DATA_REPORT_ID = 0x02;
const DATA_OFFSET = 5;
const FULL_REPORT_LENGTH = 64;
/** Longer than any payload the guichet reads: the rest is dropped, and the text is then not a countermark. */
export const MAX_SCAN_TEXT = 512;

export interface ScannedDataReport {
  /** Printable bytes of this report (CR/LF and other control bytes dropped), as Latin-1 characters. */
  text: string;
  /** True when the next report continues this barcode. */
  hasMore: boolean;
}

export function parseScannedDataReport(report: Uint8Array): ScannedDataReport | null {
  if (report.length < DATA_OFFSET || report[0] !== SCANNED_DATA_REPORT_ID) return null;
  const length = Math.min(report[1] ?? 0, report.length - DATA_OFFSET);
  let text = '';
  for (let i = DATA_OFFSET; i < DATA_OFFSET + length; i++) {
    const byte = report[i] ?? 0;
    if (byte >= 0x20 && byte !== 0x7f) text += String.fromCharCode(byte);
  }
  const hasMore = report.length >= FULL_REPORT_LENGTH && ((report[FULL_REPORT_LENGTH - 1] ?? 0) & 0x01) === 1;
  return { text, hasMore };
}

/** Joins continued reports into one barcode. */
export function createScannedDataReader() {
  let pending = '';
  return {
    /** The barcode text when `report` completes one, else null. */
    push(report: Uint8Array): string | null {
      const parsed = parseScannedDataReport(report);
      if (!parsed) return null;
      pending = (pending + parsed.text).slice(0, MAX_SCAN_TEXT);
      if (parsed.hasMore) return null;
      const text = pending;
      pending = '';
      return text === '' ? null : text;
    },
  };
}
