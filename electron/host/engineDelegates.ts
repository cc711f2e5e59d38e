/**
 * What the LAN host needs of the engine beyond its contract (issue 14: background sync off for a secondary, the
 * replica, the hand-over), passed on to whichever core the supervisor runs now. The supervisor swaps cores when the
 * account changes: a new core gets the background-sync choice made before it, and a call made while no core runs
 * throws (the LAN host logs it and tries again later).
 */
import type { Handover } from '../core/handover';
import type { Replica } from '../core/replica';
import type { Core } from '../core/types';

export function engineDelegates(current: () => Core | null) {
  let backgroundSync = true;

  function engine(): Core & { replica: Replica; handover: Handover } {
    const core = current();
    if (!core?.replica || !core.handover) throw new Error('no engine running');
    return core as Core & { replica: Replica; handover: Handover };
  }

  const replica: Replica = {
    serve: (pull) => engine().replica.serve(pull),
    cursor: (main) => engine().replica.cursor(main),
    saveBookings: (main, rows) => engine().replica.saveBookings(main, rows),
    saveActions: (rows) => engine().replica.saveActions(rows),
    saveProgramme: (seances, offers) => engine().replica.saveProgramme(seances, offers),
    saveWindow: (window) => engine().replica.saveWindow(window),
    unsettledActionIds: () => engine().replica.unsettledActionIds(),
  };

  const handover: Handover = {
    markPaired: (main) => engine().handover.markPaired(main),
    pending: (main, limit) => engine().handover.pending(main, limit),
    waiting: (main) => engine().handover.waiting(main),
    acknowledge: (receipts) => engine().handover.acknowledge(receipts),
    pauseUploads: () => engine().handover.pauseUploads(),
    resumeUploads: () => engine().handover.resumeUploads(),
    receive: (secondary, actions) => engine().handover.receive(secondary, actions),
  };

  return {
    replica,
    handover,
    setBackgroundSync(enabled: boolean): void {
      backgroundSync = enabled;
      current()?.setBackgroundSync?.(enabled);
    },
    /** A core just started (first start, or another account): as the LAN role wants it. */
    adopt(core: Core): void {
      if (!backgroundSync) core.setBackgroundSync?.(false);
    },
  };
}
