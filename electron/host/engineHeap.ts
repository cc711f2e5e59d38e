/**
 * The engine's V8 heap, sized for a counter PC: `--optimize-for-size` makes V8 collect sooner rather than let the
 * heap grow. A season's first sync (100,000 bookings) leaves its garbage promoted to the old generation, and V8's
 * default growth kept it there: the engine stood at 214 MB right after the sync (101 MB before it) until later
 * collections, against 135–150 MB with this flag, with the sync and the lookups as quick within the noise
 * (`npm run bench:sync`, `npm run bench:scanner`). Set first thing, before the engine allocates; Node warns that a
 * flag set after start may do nothing, so the benchmarks run the engine through this same call to check it does.
 */
import v8 from 'node:v8';

export function sizeEngineHeapForCounter(): void {
  v8.setFlagsFromString('--optimize-for-size');
}
