/** Typed access to the `settings` table: each key has its own zod schema, values are JSON. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CounterDb } from './open';
import { settings } from './schema';

export function readSetting<T>(db: CounterDb, key: string, schema: z.ZodType<T>): T | null {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return null;
  try {
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
