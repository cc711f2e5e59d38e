/**
 * Code 128 (set B) for the calibration barcode: printable ASCII, which every scanner reads by default. Written
 * here rather than added as a dependency: no barcode package is installed, and the symbology fits in a table.
 * The 107 patterns (ISO/IEC 15417) are element widths, bar first: 6 elements of 11 modules, the stop 7 of 13.
 */
// prettier-ignore
const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const START_B = 104;
export const STOP = 106;
/** Light margin each side, in modules (the standard asks for at least 10). */
export const QUIET_ZONE = 10;

/** Symbol values: start B, the characters, the checksum (mod 103, weighted by position), stop. */
export function code128Values(text: string): number[] {
  const values = [START_B];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length !== 1 || code < 32 || code > 126)
      throw new Error(`Code 128 B cannot encode ${JSON.stringify(char)}`);
    values.push(code - 32);
  }
  const checksum = values.reduce((sum, value, i) => sum + value * Math.max(i, 1), 0) % 103;
  return [...values, checksum, STOP];
}

/** Element widths in modules, alternating bar and space, starting with a bar (quiet zones not included). */
export function code128Widths(text: string): number[] {
  return code128Values(text).flatMap((value) => [...(PATTERNS[value] ?? '')].map(Number));
}

export function patternOf(value: number): string | undefined {
  return PATTERNS[value];
}
