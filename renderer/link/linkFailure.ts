import type { ContractError } from '../../shared/contract';

/** The envelope a call gets when the page cannot reach the engine: code `internal`, message for the cashier. */
export function linkFailure(message: string): { ok: false; error: ContractError } {
  return { ok: false, error: { code: 'internal', message } };
}
