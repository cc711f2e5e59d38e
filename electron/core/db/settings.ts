/** Typed access to the `settings` table: each key has its own zod schema, values are JSON. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CounterDb } from './open';
import { settings } from './schema';
import { inTransaction } from './statement';

export function readSetting<T>(db: CounterDb, key: string, schema: z.ZodType<T>): T | null {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return null;
  try {
    // A value that no longer parses (an older shape, a hand edit) reads as absent: its owner falls back to a default.
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSetting(db: CounterDb, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: text })
    .onConflictDoUpdate({ target: settings.key, set: { value: text } })
    .run();
}

/** The settings table as capability modules see it: read a key through its schema, write one or several. */
export function createSettingsStore(db: CounterDb) {
  return {
    read: <T>(key: string, schema: z.ZodType<T>): T | null => readSetting(db, key, schema),
    write: (key: string, value: unknown): void => writeSetting(db, key, value),
    /** Several keys in one transaction: a screen's settings are saved whole or not at all. */
    writeAll(entries: [key: string, value: unknown][]): void {
      inTransaction(db, () => {
        for (const [key, value] of entries) writeSetting(db, key, value);
      });
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
