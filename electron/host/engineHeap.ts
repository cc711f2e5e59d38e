/**
 * The engine's V8 heap, sized for a counter PC: `--optimize-for-size` makes V8 collect sooner rather than let the
 * heap grow. A season's first sync (100,000 bookings) leaves its garbage promoted to the old generation, and V8's
 * default growth kept it there. With the platform client on undici (less garbage per page than fetch's streams),
 * `npm run bench:sync` gives 157–158 MB right after that sync with this flag against 175–176 MB without, the sync
 * taking 14.7–14.8 s either way (before undici: 135–150 against 214 MB, and the flag cost the sync about 5 s).
 * Set first thing, before the engine allocates; Node warns that a flag set after start may do nothing, so the
 * benchmarks run the engine through this same call to check it does.
 */
import v8 from 'node:v8';

export function sizeEngineHeapForCounter(): void {
  v8.setFlagsFromString('--optimize-for-size');
}
