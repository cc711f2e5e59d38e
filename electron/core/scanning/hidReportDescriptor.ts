/**
 * Reads a HID report descriptor (bytes, untrusted) far enough to know whether the interface is a barcode
 * scanner: a Usage Page item of 0x8C, "Bar Code Scanner" (HID Point of Sale Usage Tables), or an extended
 * usage on that page. Short and long items are walked per the HID 1.11 item format; truncation is tolerated.
 */
export const BARCODE_SCANNER_PAGE = 0x8c;

const ITEM_TYPE_GLOBAL = 1;
const ITEM_TYPE_LOCAL = 2;
const TAG_USAGE_PAGE = 0; // global
const TAG_USAGE = 0; // local
const LONG_ITEM_PREFIX = 0xfe;

export function declaresBarcodeScanner(descriptor: Uint8Array): boolean {
  let i = 0;
  while (i < descriptor.length) {
    const prefix = descriptor[i] ?? 0;
    if (prefix === LONG_ITEM_PREFIX) {
      i += 3 + (descriptor[i + 1] ?? 0);
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03] ?? 0;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    let value = 0;
    for (let b = 0; b < size; b++) value += (descriptor[i + 1 + b] ?? 0) * 2 ** (8 * b);
    if (type === ITEM_TYPE_GLOBAL && tag === TAG_USAGE_PAGE && value === BARCODE_SCANNER_PAGE) return true;
    // A 4-byte Usage carries its page in the high half.
    if (
      type === ITEM_TYPE_LOCAL &&
      tag === TAG_USAGE &&
      size === 4 &&
      Math.floor(value / 0x10000) === BARCODE_SCANNER_PAGE
    ) {
      return true;
    }
    i += 1 + size;
  }
  return false;
}
