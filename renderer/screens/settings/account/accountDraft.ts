/**
 * The account form's rules: what the manager typed to reach the platform, what is missing before it can be tested
 * or saved, which venues stay ticked after a test. Pure: no React, tested under Node.
 */
import type { AccountView, CallInput, VenueOption } from '../../../../shared/contract';

export type LiveEnvironment = 'production' | 'integration' | 'custom';
export const LIVE_ENVIRONMENTS: readonly LiveEnvironment[] = ['production', 'integration', 'custom'];

/** What the manager types to reach the platform (the key only lives here until it is saved). */
export interface AccountDraft {
  environment: LiveEnvironment;
  baseUrl: string;
  apiKey: string;
}

export type DraftProblem = 'base_url_missing' | 'base_url_invalid' | 'key_missing' | 'key_short';

/** The contract's bounds for a key (shared/contract-sync.ts `accountInput`). */
const KEY_MIN = 16;

export function initialDraft(account: AccountView): AccountDraft {
  return {
    environment: account.environment === 'demo' ? 'production' : account.environment,
    baseUrl: account.baseUrl ?? '',
    apiKey: '',
  };
}

/** Why the draft cannot be tested or saved yet, checked here so the manager gets a clear word at once. */
export function draftProblem(draft: AccountDraft, hasStoredKey: boolean): DraftProblem | null {
  if (draft.environment === 'custom') {
    const url = draft.baseUrl.trim();
    if (url === '') return 'base_url_missing';
    if (!isHttpUrl(url)) return 'base_url_invalid';
  }
  const key = draft.apiKey.trim();
  if (key === '' && !hasStoredKey) return 'key_missing';
  if (key !== '' && key.length < KEY_MIN) return 'key_short';
  return null;
}

/** `account.test` input; the key is left out to use the stored one. */
export function connectionInput(draft: AccountDraft): CallInput<'account.test'> {
  const key = draft.apiKey.trim();
  return {
    environment: draft.environment,
    ...(draft.environment === 'custom' ? { baseUrl: draft.baseUrl.trim() } : {}),
    ...(key ? { apiKey: key } : {}),
  };
}

/** The same platform and key as the saved account (only venues or the counter name change). */
export function isSameConnection(draft: AccountDraft, account: AccountView): boolean {
  return (
    account.environment === draft.environment &&
    (draft.environment !== 'custom' || draft.baseUrl.trim() === (account.baseUrl ?? '')) &&
    draft.apiKey.trim() === ''
  );
}

/** The draft the venues were listed for is still the one typed (else the test must be run again). */
export function isSameDraft(a: AccountDraft, b: AccountDraft): boolean {
  return a.environment === b.environment && a.baseUrl === b.baseUrl && a.apiKey === b.apiKey;
}

/**
 * The venues ticked once the key's venues are known: those still reachable stay ticked; with none left and a
 * single venue on offer, that one (the usual case of a one-screen cinema).
 */
export function venuesAfterTest(selected: readonly number[], venues: readonly VenueOption[]): number[] {
  const reachable = selected.filter((id) => venues.some((venue) => venue.id === id));
  const [only] = venues;
  return reachable.length === 0 && venues.length === 1 && only ? [only.id] : reachable;
}

export type SaveProblem = DraftProblem | 'no_venue' | 'no_counter_name';

/** Why the account cannot be saved yet: the draft's problem, no venue ticked, or no counter name. */
export function saveProblem(
  draft: AccountDraft,
  hasStoredKey: boolean,
  selected: readonly number[],
  counterName: string,
): SaveProblem | null {
  const problem = draftProblem(draft, hasStoredKey);
  if (problem) return problem;
  if (selected.length === 0) return 'no_venue';
  return counterName.trim() === '' ? 'no_counter_name' : null;
}

/** "832 654 909 00015": SIREN in threes, then the establishment number, as on official papers. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4') : siret;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
