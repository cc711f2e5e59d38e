/** How the Synchronisation screen names things: sync streams (known ones by name) and queued actions. Pure. */
import type { QueueItem, SyncOverview } from '../../../shared/contract';

/** Sync streams the screen knows by name; any other is shown as the engine names it. */
export const KNOWN_STREAMS = ['uploads', 'bookings', 'statuses', 'programme', 'probe'] as const;
export type KnownStream = (typeof KNOWN_STREAMS)[number];

type Stream = SyncOverview['streams'][number];

/** A stream name, split as `base:detail` (the engine keeps e.g. one bookings cursor per offer: `bookings:101`). */
export function streamName(name: string): { known: KnownStream | null; detail: string | null } {
  const [base = name, ...rest] = name.split(':');
  const known = KNOWN_STREAMS.find((stream) => stream === base) ?? null;
  return known ? { known, detail: rest.length > 0 ? rest.join(':') : null } : { known: null, detail: null };
}

/** Per-offer cursors that never ran on their own say nothing to a manager: only streams that did something. */
export function isWorthShowing(stream: Stream): boolean {
  return !stream.name.includes(':') || stream.lastRunAt !== null || stream.lastError !== null;
}

/** A queued action in the manager's words: a validation (provisional or not), or an undo. */
export function queueAction(item: Pick<QueueItem, 'action' | 'provisional'>): 'keep' | 'use' | 'use_provisional' {
  if (item.action === 'keep') return 'keep';
  return item.provisional ? 'use_provisional' : 'use';
}
