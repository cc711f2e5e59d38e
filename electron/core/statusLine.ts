/**
 * The status line every screen shows (online or not, uploads waiting, conflicts, last sync, disk full) and its
 * `status.changed` event, published at most once per turn of the event loop.
 */
import type { StatusView } from '../../shared/contract';
import type { DiskWatch } from './db/diskFull';
import type { Streams } from './db/syncStreams';
import type { UploadQueue } from './db/uploadQueue';
import type { EngineEvents } from './engineEvents';
import type { Connectivity } from './sync/connectivity';

export interface StatusLineSources {
  events: EngineEvents;
  isOpen: () => boolean;
  queue: UploadQueue;
  streams: Streams;
  connectivity: () => Connectivity;
  /** Read when the status is computed: the disk watch itself reports through `publish`. */
  disk: () => DiskWatch;
}

export function createStatusLine(s: StatusLineSources) {
  function status(): StatusView {
    const counts = s.queue.counts();
    return {
      diskFull: s.disk().isFull(),
      online: s.connectivity().isOnline(),
      offlineSince: s.connectivity().offlineSince(),
      lastSyncAt: s.streams.all().find((stream) => stream.name === 'bookings')?.lastSuccessAt ?? null,
      pendingUploads: counts.pending,
      conflicts: counts.conflicts,
    };
  }
  /**
   * One `status.changed` per turn of the event loop, computed once after the call that caused it has answered: a
   * validation changes the queue two or three times, and the banner needs only the last state.
   */
  let statusDue = false;
  function publish(): void {
    if (statusDue) return;
    statusDue = true;
    setImmediate(() => {
      statusDue = false;
      if (s.events.hasListeners() && s.isOpen()) s.events.deliver('status.changed', status());
    });
  }
  return { status, publish };
}
