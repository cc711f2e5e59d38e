import type { PrinterStateView } from '../../../shared/contract';

export type PrinterTone = 'ok' | 'warning' | 'down' | 'idle';

/** Colour family of the printer's state (always shown with its words too). */
export function printerTone(state: PrinterStateView, paperNearEnd: boolean): PrinterTone {
  if (state === 'online') return paperNearEnd ? 'warning' : 'ok';
  if (state === 'unknown' || state === 'none') return 'idle';
  return 'down';
}
