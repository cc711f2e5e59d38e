/**
 * The one error type the pass Culture client throws. Callers branch on `code` (the contract's `ErrorCode`) and
 * show `message` (French, for the cashier) as is; `status` and `body` go to the ledger.
 */
import type { ErrorCode } from '../../../shared/contract';
import { t } from '../../../shared/i18n';

export interface PlatformErrorDetails {
  /** HTTP status; omitted (null) when no answer came back (network error, timeout). */
  status?: number | null;
  /** What the platform answered, for the ledger. Must never hold the API key nor a beneficiary's personal data. */
  body?: unknown;
  /** For `not_confirmed`: UTC ISO instant from which the booking can be validated. */
  validatableFrom?: string | null;
  /** Replaces the code's default French message when the platform told us something more precise. */
  message?: string;
  cause?: unknown;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly code: ErrorCode;
  readonly status: number | null;
  readonly body: unknown;
  readonly validatableFrom: string | null;

  constructor(code: ErrorCode, details: PlatformErrorDetails = {}) {
    const status = details.status ?? null;
    super(
      details.message ?? defaultMessage(code, status),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.code = code;
    this.status = status;
    this.body = details.body ?? null;
    this.validatableFrom = details.validatableFrom ?? null;
  }

  /** `JSON.stringify(error)` would give `{}` for an Error; loggers and the ledger get the useful part. */
  toJSON() {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      body: this.body,
      validatableFrom: this.validatableFrom,
    };
  }
}

export function isPlatformError(e: unknown): e is PlatformError {
  return e instanceof PlatformError;
}

function defaultMessage(code: ErrorCode, status: number | null): string {
  // Some messages interpolate the status or a detail; give them something readable rather than a blank.
  return t(`errors.${code}`, { status: status ?? '?', detail: '' });
}
