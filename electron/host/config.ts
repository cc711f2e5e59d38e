/**
 * Host configuration from the environment, parsed as untrusted input. Both hosts read the same variables:
 * PASSCULTURE_API_URL, PASSCULTURE_API_KEY, COUNTER_DATA_DIR, COUNTER_PORT, COUNTER_VENUE_ID, COUNTER_NAME.
 */
import { z } from 'zod';

export const PRODUCTION_API_URL = 'https://backend.passculture.app';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const envSchema = z.object({
  PASSCULTURE_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PASSCULTURE_API_KEY: optionalText,
  COUNTER_DATA_DIR: optionalText,
  COUNTER_PORT: optionalText.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  COUNTER_VENUE_ID: optionalText.pipe(z.coerce.number<string>().int().positive().optional()),
  COUNTER_NAME: optionalText.pipe(z.string().max(40).optional()),
});

export interface HostConfig {
  mode: 'demo' | 'live';
  apiUrl: string | null;
  apiKey: string | null;
  dataDir: string | null;
  port: number;
  venueId: number | undefined;
  counterName: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readHostConfig(env: NodeJS.ProcessEnv): HostConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`);
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
  };
}
