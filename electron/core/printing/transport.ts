/**
 * What every way of reaching a printer offers the print queue: read its status, send one job. Transports never
 * decide anything about the guichet; they report failures as `PrintFailure`s with a reason the cashier can act on.
 */
import { pt } from './catalogue';
import type { PrinterStatus } from './status';
import { errorMessage } from '../../../shared/errorText';

export const FAILURE_CODES = [
  'no_printer',
  'unreachable',
  'timeout',
  'dropped',
  'offline',
  'cover_open',
  'paper_out',
  'error',
  'usb_not_found',
  'usb_unavailable',
  'usb_claim',
  'usb_busy',
  'serial',
  'system',
  'system_unavailable',
  'interrupted',
  'stale',
  'unexpected',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A job that did not print, and why (French message for the cashier, technical detail for the log). */
export class PrintFailure extends Error {
  override name = 'PrintFailure';
  constructor(
    readonly code: FailureCode,
    readonly detail: string = '',
    params: Record<string, unknown> = {},
  ) {
    super(pt(`failure.${code}`, { detail, ...params }));
  }
}

/** The job as each transport wants it: ESC/POS bytes, or an HTML page for the OS printer. */
export interface RenderedJob {
  title: string;
  paper: 58 | 80;
  escpos(): Buffer;
  html(): string;
}

export interface PrinterTransport {
  readonly kind: 'none' | 'virtual' | 'tcp' | 'usb' | 'serial' | 'system';
  /** Never throws: a printer that cannot be asked is `unreachable` (or `unknown` if it cannot tell). */
  status(): Promise<PrinterStatus>;
  /** Resolves once the printer has acknowledged the whole job; rejects with a `PrintFailure`. */
  print(job: RenderedJob): Promise<void>;
  close(): Promise<void>;
}

/** A failure from anything a transport may throw. */
export function asPrintFailure(error: unknown): PrintFailure {
  if (error instanceof PrintFailure) return error;
  return new PrintFailure('unexpected', errorMessage(error));
}

/** The job is refused before sending when the printer says it cannot print. */
export function failureForStatus(status: PrinterStatus): PrintFailure | null {
  switch (status.state) {
    case 'online':
    case 'unknown':
      return null;
    case 'unreachable':
      return new PrintFailure('unreachable', status.detail ?? '');
    case 'none':
      return new PrintFailure('no_printer');
    default:
      return new PrintFailure(status.state);
  }
}
