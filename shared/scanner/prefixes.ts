/**
 * Scanners may put identifiers before the data (docs/peers.md): an AIM symbology identifier (`]` + symbology
 * letter + modifier, e.g. `]Q1` for QR, `]C0` for Code 128) and, in ECI mode, `\` + six digits (`\000026` = UTF-8).
 */
const LEADING_IDENTIFIER = /^(?:\][A-Za-z][0-9A-Za-z]|\\\d{6})/;

export function stripScannerPrefixes(text: string): string {
  let rest = text.trimStart();
  for (let match = LEADING_IDENTIFIER.exec(rest); match; match = LEADING_IDENTIFIER.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest;
}
