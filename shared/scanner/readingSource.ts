import { SCANNER_LAYOUTS, type ScannerLayout } from './keymaps';

/**
 * Ways to read one keystroke stream: `typed` is what the PC's own layout made of it (right when scanner and PC
 * are set alike, whatever that layout is); the others read the physical keys as a scanner set to that layout meant.
 */
export const READING_SOURCES = ['typed', ...SCANNER_LAYOUTS] as const;
export type ReadingSource = 'typed' | ScannerLayout;
