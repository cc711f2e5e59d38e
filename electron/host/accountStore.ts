/**
 * The pass Culture account chosen in Réglages, kept in `account.json` in the base data folder: which platform,
 * which venues, this counter's name. Never the API key (see secretStore.ts): this file may be copied around for
 * support, the key must not travel with it.
 *
 * The file is read as untrusted input. A missing, unreadable or corrupt file gives the defaults (demo mode) and a
 * warning in the log: the counter must always start, so the account can be fixed from the screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonFile';

export const ACCOUNT_FILE = 'account.json';

const storedAccountSchema = z.object({
  version: z.literal(1),
  environment: z.enum(['demo', 'production', 'integration', 'custom']),
  /** Only meaningful for `custom`; production and integration use the known URLs. */
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  venueIds: z.array(z.number().int().positive()).max(20),
  /** Null until someone saves one: COUNTER_NAME (or "Caisse 1") applies meanwhile. */
  counterName: z.string().trim().min(1).max(40).nullable(),
});
export type StoredAccount = Omit<z.infer<typeof storedAccountSchema>, 'version'>;

export const DEFAULT_ACCOUNT: StoredAccount = { environment: 'demo', baseUrl: null, venueIds: [], counterName: null };

export interface AccountStore {
  /** The saved account, or the defaults (never throws). */
  read(): StoredAccount;
  /** Replaces the file atomically: a crash mid-write leaves the previous account, not half a file. */
  write(account: StoredAccount): void;
  readonly file: string;
}

export function createAccountStore(baseDir: string, logger: Pick<Logger, 'warn'>): AccountStore {
  const file = path.join(baseDir, ACCOUNT_FILE);
  return {
    file,
    read() {
      const stored = readJsonFile(file, storedAccountSchema, logger, 'using the demo account');
      if (stored === null) return { ...DEFAULT_ACCOUNT };
      const { version: _version, ...account } = stored;
      return account;
    },
    write(account) {
      const content = storedAccountSchema.parse({ version: 1, ...account });
      fs.mkdirSync(baseDir, { recursive: true });
      writeJsonFile(file, content, 0o600);
    },
  };
}
