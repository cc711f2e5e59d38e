/**
 * What this counter remembers about the LAN, in `lan/lan.json` of the base data folder (owner-only): its role; as a
 * main counter, its paired secondaries (each token kept as a SHA-256 hash only, so a copy of the file opens
 * nothing); as a secondary, its main counter's address, pinned certificate and token.
 * Read as untrusted input: a damaged file gives a lone counter and a line in the log, never a failed start.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ensurePrivateDir } from '../core/db/privateFiles';
import { readJsonFile, writeJsonFile } from '../host/jsonFile';

const secondarySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(40),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  address: z.string().max(100).nullable(),
});
export type StoredSecondary = z.infer<typeof secondarySchema>;

const mainLinkSchema = z.object({
  url: z.string().max(200),
  name: z.string().max(40),
  /** The main counter's certificate (PEM), pinned at pairing: the only one a connection accepts. */
  certificate: z.string().max(20_000),
  fingerprint: z.string(),
  token: z.string().min(20).max(200),
  pairedAt: z.string(),
});
export type MainLink = z.infer<typeof mainLinkSchema>;

const lanFileSchema = z.object({
  version: z.literal(1),
  role: z.enum(['alone', 'main', 'secondary']),
  secondaries: z.array(secondarySchema).max(50),
  main: mainLinkSchema.nullable(),
});
export type LanState = Omit<z.infer<typeof lanFileSchema>, 'version'>;

const EMPTY: LanState = { role: 'alone', secondaries: [], main: null };

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function lanDir(baseDir: string): string {
  return path.join(baseDir, 'lan');
}

export function createLanStore(baseDir: string, logger: Pick<Logger, 'warn'>) {
  const dir = lanDir(baseDir);
  const file = path.join(dir, 'lan.json');
  return {
    read(): LanState {
      const stored = readJsonFile(file, lanFileSchema, logger, 'this counter stands alone');
      if (stored === null) return structuredClone(EMPTY);
      const { version: _version, ...state } = stored;
      return state;
    },
    /** Atomic (a crash mid-write leaves the previous file), owner-only: the file holds a token. */
    write(state: LanState): void {
      const content = lanFileSchema.parse({ version: 1, ...state });
      ensurePrivateDir(dir);
      writeJsonFile(file, content, 0o600);
    },
  };
}
export type LanStore = ReturnType<typeof createLanStore>;
