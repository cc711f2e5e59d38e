/** Bookkeeping of each sync stream: its cursor (to resume after an interruption) and its last run. */
import { eq } from 'drizzle-orm';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { syncStreams } from './schema';
import { errorMessage } from '../../../shared/errorText';

export type StreamRow = typeof syncStreams.$inferSelect;

export function createStreams(db: CounterDb, now: () => string) {
  // Progress marks: losing one to a power cut only means a page is fetched again (durability.ts).
  function upsert(name: string, set: Partial<StreamRow>): void {
    withRelaxedDurability(db.$client, () =>
      db
        .insert(syncStreams)
        .values({ name, ...set })
        .onConflictDoUpdate({ target: syncStreams.name, set })
        .run(),
    );
  }

  return {
    cursor(name: string): number | null {
      return (
        db.select({ cursor: syncStreams.cursor }).from(syncStreams).where(eq(syncStreams.name, name)).get()?.cursor ??
        null
      );
    },
    setCursor(name: string, cursor: number): void {
      upsert(name, { cursor });
    },
    /** Runs one pass of a stream and records when it ran, succeeded or why it failed. */
    async run<T>(name: string, pass: () => Promise<T>): Promise<T> {
      upsert(name, { lastRunAt: now() });
      try {
        const result = await pass();
        upsert(name, { lastSuccessAt: now(), lastError: null });
        return result;
      } catch (error) {
        upsert(name, { lastError: errorMessage(error) });
        throw error;
      }
    },
    all(): StreamRow[] {
      return db.select().from(syncStreams).all();
    },
  };
}

export type Streams = ReturnType<typeof createStreams>;
