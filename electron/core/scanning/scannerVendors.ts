/**
 * USB vendors of barcode scanners. Only their devices are ever opened: a HID interface of any other vendor may
 * be a keyboard or a mouse, and a serial port may be a receipt printer's (printing opens those).
 */
export const SCANNER_VENDORS: ReadonlyMap<number, string> = new Map([
  [0x0c2e, 'Honeywell'], // ex-Metrologic
  [0x0536, 'Honeywell'], // ex-Hand Held Products
  [0x05e0, 'Zebra'], // ex-Symbol
  [0x05f9, 'Datalogic'],
  [0x1eab, 'Newland'],
  [0x065a, 'Opticon'],
]);

export const HONEYWELL_VENDOR_IDS: ReadonlySet<number> = new Set([0x0c2e, 0x0536]);

/** `0c2e`-style hex (as serial port listings give it) or a number, to a vendor name; null if not a scanner's. */
export function scannerVendorName(vendorId: number | string | undefined | null): string | null {
  const id = typeof vendorId === 'string' ? Number.parseInt(vendorId, 16) : vendorId;
  return typeof id === 'number' && Number.isInteger(id) ? (SCANNER_VENDORS.get(id) ?? null) : null;
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
