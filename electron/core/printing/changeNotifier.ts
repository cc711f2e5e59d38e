/**
 * `printer.changed` at a pace a status bar needs. Each slip changes the queue twice (taken, then printed), so a busy
 * queue would push hundreds of events a second to every screen, and each screen would redraw for each one, on the
 * same threads that answer scans. The first change after a quiet spell goes out at once; changes within the next
 * `everyMs` are folded into one more event at the end of that spell, which carries the state then (read when sent,
 * so it is never stale).
 */
export interface ChangeNotifier {
  /** Something changed: the job `jobId`, or the printer's own status when null. */
  changed(jobId: number | null): void;
  /** Drops a folded event not yet sent (the queue is closing: nobody is left to read it). */
  close(): void;
}

export function createChangeNotifier(
  send: (jobId: number | null) => void,
  everyMs: number,
  monotonicMs: () => number = () => performance.now(),
): ChangeNotifier {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  /** The newest job among the changes folded so far (null: only the printer's status changed). */
  let foldedJob: number | null = null;
  let closed = false;

  function flush(): void {
    timer = null;
    lastSentAt = monotonicMs();
    const jobId = foldedJob;
    foldedJob = null;
    send(jobId);
  }

  return {
    changed(jobId) {
      if (closed) return;
      if (jobId !== null) foldedJob = jobId;
      if (timer) return;
      const wait = lastSentAt + everyMs - monotonicMs();
      if (wait <= 0) {
        flush();
        return;
      }
      timer = setTimeout(flush, wait);
      timer.unref();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
