/**
 * Host configuration from the environment, parsed as untrusted input. Both hosts read the same variables:
 * PASSCULTURE_API_URL, PASSCULTURE_API_KEY, COUNTER_DATA_DIR, COUNTER_PORT, COUNTER_VENUE_ID, COUNTER_NAME,
 * COUNTER_PRINTER, LOG_LEVEL; and `npm run sandbox` SANDBOX_PORT.
 */
import { z } from 'zod';
import { t } from '../../shared/i18n';
import { printerSpecTextSchema } from '../core/printing/printerSpec';
import { zodIssueLines } from '../../shared/errorText';

export const PRODUCTION_API_URL = 'https://backend.passculture.app';
/** pass Culture's test platform: its keys are distinct from production's (a key works on one platform only). */
export const INTEGRATION_API_URL = 'https://backend.integration.passculture.pro';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** pino's levels; `silent` writes nothing. */
const logLevelText = optionalText.pipe(
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
);

const envSchema = z.object({
  PASSCULTURE_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  // The rule Réglages applies (accountCheck.ts): a key that is not a valid header value would leave the counter
  // "Hors ligne" forever, every request failing before it leaves.
  PASSCULTURE_API_KEY: optionalText.refine((key) => key === undefined || /^[\x21-\x7e]+$/.test(key), {
    message: t('errors.key_shape'),
  }),
  COUNTER_DATA_DIR: optionalText,
  COUNTER_PORT: optionalText.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  COUNTER_VENUE_ID: optionalText.pipe(z.coerce.number<string>().int().positive().optional()),
  COUNTER_NAME: optionalText.pipe(z.string().max(40).optional()),
  /** virtual · tcp://host:port · usb://vid:pid · system:Name · serial:path@baud · none */
  COUNTER_PRINTER: optionalText.pipe(printerSpecTextSchema.optional()),
  LOG_LEVEL: logLevelText,
  /** `npm run sandbox` only: its port (else COUNTER_PORT, else a free one). */
  SANDBOX_PORT: optionalText.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
});

export interface HostConfig {
  mode: 'demo' | 'live';
  apiUrl: string | null;
  apiKey: string | null;
  dataDir: string | null;
  port: number;
  venueId: number | undefined;
  counterName: string;
  /** COUNTER_PRINTER, normalised: the printer until one is chosen in the settings. */
  printer?: string;
  /** LOG_LEVEL: what the log file keeps (default `info`). */
  logLevel: LogLevel;
  /** The stand-alone sandbox's port (SANDBOX_PORT, else COUNTER_PORT, else 0: a free one). */
  sandboxPort: number;
}

export type LogLevel = NonNullable<z.output<typeof logLevelText>>;

/**
 * LOG_LEVEL alone: the Electron host opens its log before anything else, so even a configuration error is logged.
 * An unknown level is a ConfigError, like any other variable.
 */
export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const parsed = logLevelText.safeParse(env.LOG_LEVEL);
  if (!parsed.success) throw new ConfigError(`Configuration invalide — LOG_LEVEL : ${parsed.error.issues[0]?.message}`);
  return parsed.data ?? 'info';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readHostConfig(env: NodeJS.ProcessEnv): HostConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = zodIssueLines(parsed.error, ' : ');
    // Never echo a variable's value: the key is one of them.
    throw new ConfigError(`Configuration invalide — ${lines.join(' ; ')}`);
  }
  const e = parsed.data;
  const live = e.PASSCULTURE_API_KEY !== undefined;
  return {
    mode: live ? 'live' : 'demo',
    apiUrl: live ? (e.PASSCULTURE_API_URL ?? PRODUCTION_API_URL) : null,
    apiKey: e.PASSCULTURE_API_KEY ?? null,
    dataDir: e.COUNTER_DATA_DIR ?? null,
    port: e.COUNTER_PORT ?? 0,
    venueId: e.COUNTER_VENUE_ID,
    counterName: e.COUNTER_NAME ?? 'Caisse 1',
    printer: e.COUNTER_PRINTER,
    logLevel: e.LOG_LEVEL ?? 'info',
    sandboxPort: e.SANDBOX_PORT ?? e.COUNTER_PORT ?? 0,
  };
}

/** One account to run a core on: demo (embedded sandbox) or a live platform with its key. */
export type AccountTarget =
  | { mode: 'demo'; counterName: string; venueIds: number[] }
  | { mode: 'live'; baseUrl: string; apiKey: string; counterName: string; venueIds: number[] };

/** The account the environment variables describe: what runs when they set the key, or when nothing was saved. */
export function targetFromConfig(config: HostConfig): AccountTarget {
  const venueIds = config.venueId === undefined ? [] : [config.venueId];
  if (config.mode === 'live' && config.apiUrl && config.apiKey) {
    return { mode: 'live', baseUrl: config.apiUrl, apiKey: config.apiKey, counterName: config.counterName, venueIds };
  }
  return { mode: 'demo', counterName: config.counterName, venueIds };
}
