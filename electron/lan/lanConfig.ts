/**
 * The LAN's environment variables (README, "Plusieurs postes"), parsed as untrusted input:
 * COUNTER_ROLE (`alone`, `main`, `secondary`: fixes the role, Réglages then shows it read-only),
 * COUNTER_MAIN_URL (a secondary's main counter), COUNTER_PAIRING_CODE (the code the main counter shows first, and the
 * one a secondary pairs with: the two-counter demo on one machine), COUNTER_LAN_PORT and COUNTER_LAN_HOST (where the
 * main counter listens).
 */
import { z } from 'zod';
import { zodIssueLines } from '../../shared/errorText';
import { counterRoleSchema, pairingCodeSchema } from '../../shared/contract-lan';
import { ConfigError } from '../host/config';

/** A fixed port, so secondaries find their main counter at the same address after a restart. */
export const DEFAULT_LAN_PORT = 47_800;

const text = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const lanEnvSchema = z.object({
  COUNTER_ROLE: text.pipe(counterRoleSchema.optional()),
  COUNTER_MAIN_URL: text.pipe(z.string().max(200).optional()),
  COUNTER_PAIRING_CODE: text.pipe(pairingCodeSchema.optional()),
  COUNTER_LAN_PORT: text.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  COUNTER_LAN_HOST: text.pipe(z.union([z.ipv4(), z.ipv6()]).optional()),
});

export interface LanConfig {
  role: z.infer<typeof counterRoleSchema> | undefined;
  mainUrl: string | undefined;
  pairingCode: string | undefined;
  port: number;
  host: string;
}

export function readLanConfig(env: NodeJS.ProcessEnv): LanConfig {
  const parsed = lanEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Configuration invalide — ${zodIssueLines(parsed.error, ' : ').join(' ; ')}`);
  }
  const e = parsed.data;
  if (e.COUNTER_ROLE === 'secondary' && !e.COUNTER_MAIN_URL) {
    throw new ConfigError(
      'Configuration invalide — COUNTER_ROLE=secondary demande COUNTER_MAIN_URL (adresse du poste principal).',
    );
  }
  return {
    role: e.COUNTER_ROLE,
    mainUrl: e.COUNTER_MAIN_URL,
    pairingCode: e.COUNTER_PAIRING_CODE,
    port: e.COUNTER_LAN_PORT ?? DEFAULT_LAN_PORT,
    host: e.COUNTER_LAN_HOST ?? '0.0.0.0',
  };
}
