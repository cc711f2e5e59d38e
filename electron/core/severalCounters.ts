/**
 * The engine's side of several counters at one cinema (issue 14), offered to its LAN host (electron/lan/): the
 * replica (a main counter's pages for its secondaries, a secondary's copy of them) and the hand-over of a
 * secondary's autonomous actions to its main counter, exactly once.
 */
import type { CounterSettingsStore } from './counter/counterSettings';
import type { Standings } from './counter/validationStanding';
import type { Stores } from './db/stores';
import type { Emit } from './engineEvents';
import { createHandover, type Handover } from './handover';
import { createReplica, type Replica } from './replica';
import type { Uploader } from './sync/uploader';

export interface SeveralCountersDeps {
  stores: Stores;
  counterSettings: CounterSettingsStore;
  standings: Standings;
  uploader: Uploader;
  clock: () => Date;
  timeZone: () => string;
  emit: Emit;
  publishStatus: () => void;
  /** Before each page of a catch-up is written (index.ts: the guichet's calls first, the WAL's catch-up). */
  beforePageWrite: () => Promise<void>;
}

export function createSeveralCounters(d: SeveralCountersDeps): { replica: Replica; handover: Handover } {
  const { stores, emit } = d;
  // A secondary's copy of its main counter's mirror and actions, or a main counter's pages for it (issue 14).
  const replica = createReplica({
    counterSettings: d.counterSettings,
    source: stores.replicaSource,
    sink: stores.replicaSink,
    settings: stores.settings,
    emit,
    beforePageWrite: d.beforePageWrite,
  });
  const handover = createHandover({
    store: stores.handover,
    settings: stores.settings,
    ledger: stores.ledger,
    queue: stores.queue,
    standings: d.standings,
    uploader: d.uploader,
    clock: d.clock,
    timeZone: d.timeZone,
    emit,
    onQueued: () => d.publishStatus(),
  });
  return { replica, handover };
}
