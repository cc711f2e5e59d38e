import type { AccountView, CallInput } from '../../../../shared/contract';

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

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
