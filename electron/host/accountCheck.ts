/**
 * `account.test`: does this key open this platform, and which venues does it reach? One call to
 * `GET /public/offers/v1/offerer_venues` with a short timeout, each failure turned into its own French message,
 * so the person in Réglages knows what to fix (the key, the environment, the network, the venue's settings).
 */
import type { Logger } from 'pino';
import type { VenueOption } from '../../shared/contract';
import { timeZoneForPostalCode } from '../../shared/dates';
import { t } from '../../shared/i18n';
import type { PlatformOffererVenues } from '../../shared/platform/schemas';
import { ContractFailure } from '../core/contractFailure';
import { createPlatformClient } from '../core/platform/client';
import { isPlatformError } from '../core/platform/errors';
import { INTEGRATION_API_URL, PRODUCTION_API_URL } from './config';

export type LiveEnvironment = 'production' | 'integration' | 'custom';

/** Long enough for a slow line, short enough for someone waiting in front of the form. */
export const ACCOUNT_TEST_TIMEOUT_MS = 8_000;

/** Plain http is only acceptable when it never leaves the machine (a local proxy or the sandbox). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The platform URL of an environment: the known ones, or the typed one (https; http on loopback only). */
export function resolveBaseUrl(environment: LiveEnvironment, baseUrl: string | undefined | null): string {
  if (environment === 'production') return PRODUCTION_API_URL;
  if (environment === 'integration') return INTEGRATION_API_URL;
  let url: URL;
  try {
    url = new URL(baseUrl ?? '');
  } catch {
    throw new ContractFailure('invalid_base_url');
  }
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  // Credentials in the URL would be sent and logged; a query or fragment would be mangled by our paths.
  if ((!secure && !loopback) || url.username || url.password || url.search || url.hash) {
    throw new ContractFailure('invalid_base_url');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Which environment a URL designates, for a key configured by environment variables. */
export function environmentOfUrl(baseUrl: string): LiveEnvironment {
  const normalized = baseUrl.replace(/\/+$/, '');
  if (normalized === PRODUCTION_API_URL) return 'production';
  if (normalized === INTEGRATION_API_URL) return 'integration';
  return 'custom';
}

/**
 * The platform writes its environment at the start of every key it issues (`{env}_{12 hex}_{64 hex}`, env being
 * the backend's ENV setting: production, integration, staging, testing, development). Older keys are 64 plain
 * characters and say nothing. Only a key of exactly that shape names an environment: anything else is no hint.
 */
const KEY_SHAPE = /^([a-z]+)_[0-9a-f]{12}_[0-9a-f]{64}$/;
const ALIASES: Record<string, string> = { prod: 'production' };

export function keyEnvironment(apiKey: string): string | null {
  const match = KEY_SHAPE.exec(apiKey);
  if (!match?.[1]) return null;
  return ALIASES[match[1]] ?? match[1];
}

/**
 * A French hint when the key's prefix names another platform than the one chosen, else null. Nothing is said for
 * a custom URL: any platform may stand behind it.
 */
export function keyEnvironmentHint(environment: LiveEnvironment, apiKey: string): string | null {
  if (environment === 'custom') return null;
  const named = keyEnvironment(apiKey);
  if (named === null || named === environment) return null;
  const label =
    named === 'production' || named === 'integration'
      ? t(`account.environment_${named}`)
      : t('account.environment_other', { name: named });
  return t('errors.key_other_environment', { environment: label });
}

/** Header values must be visible ASCII: anything else (a pasted line break, a space) makes the HTTP client throw. */
export function isKeyShaped(apiKey: string): boolean {
  return /^[\x21-\x7e]+$/.test(apiKey);
}

export function assertKeyShape(apiKey: string): void {
  if (!isKeyShaped(apiKey)) throw new ContractFailure('auth_invalid', t('errors.key_malformed'));
}

/** Every physical venue of every offerer the key reaches, as the Réglages screen lists them. */
export function venueOptions(offerers: PlatformOffererVenues): VenueOption[] {
  return offerers.flatMap(({ offerer, venues }) =>
    venues.flatMap((venue): VenueOption[] => {
      if (venue.location.type === 'digital') return [];
      const { address, postalCode, city } = venue.location;
      const place = [postalCode, city].filter(Boolean).join(' ');
      const full = [address, place].filter(Boolean).join(', ');
      return [
        {
          id: venue.id,
          name: venue.publicName || venue.legalName,
          offererName: offerer.name,
          siret: venue.siret ?? null,
          address: full === '' ? null : full,
          timeZone: timeZoneForPostalCode(postalCode),
        },
      ];
    }),
  );
}

export interface AccountCheck {
  environment: LiveEnvironment;
  baseUrl: string;
  apiKey: string;
  logger: Logger;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The venues the key reaches; a ContractFailure/PlatformError with a French message otherwise. */
export async function checkAccount(check: AccountCheck): Promise<VenueOption[]> {
  assertKeyShape(check.apiKey);
  const client = createPlatformClient({
    baseUrl: check.baseUrl,
    apiKey: check.apiKey,
    timeoutMs: check.timeoutMs ?? ACCOUNT_TEST_TIMEOUT_MS,
    fetch: check.fetch,
    logger: check.logger,
  });
  let offerers: PlatformOffererVenues;
  try {
    offerers = await client.getOffererVenues();
  } catch (error) {
    if (isPlatformError(error) && error.code === 'auth_invalid') {
      const message = keyEnvironmentHint(check.environment, check.apiKey) ?? t('errors.key_refused');
      throw new ContractFailure('auth_invalid', message);
    }
    // A typed URL that answers, but not like pass Culture (a web site, a wrong path, a redirect): say the address
    // is wrong rather than "pass Culture has a problem".
    if (check.environment === 'custom' && isPlatformError(error) && looksLikeWrongAddress(error.code, error.status)) {
      throw new ContractFailure('invalid_base_url', t('errors.not_a_platform', { status: error.status ?? '?' }));
    }
    throw error;
  }
  const venues = venueOptions(offerers);
  if (venues.length === 0) throw new ContractFailure('no_venue');
  return venues;
}

function looksLikeWrongAddress(code: string, status: number | null): boolean {
  if (code === 'platform_malformed') return true;
  return code === 'platform_error' && status !== null && (status === 404 || (status >= 300 && status < 400));
}
