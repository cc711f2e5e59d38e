import fs from 'node:fs';
/**
 * Disk full, as SQLite (SQLITE_FULL) and Node (ENOSPC, EDQUOT) report it. The engine stays up: validations are
 * refused with a French message until space returns (nothing shown as done is ever lost: the transaction that
 * failed wrote nothing), and the status banner says so.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Below this much free space the disk counts as still full (a validation needs a few pages of WAL). */
const ENOUGH_FREE_BYTES = 256 * 1024;

export interface DiskWatch {
  isFull(): boolean;
  /** Records the outcome of a failed write: true when it failed for lack of space (the watch is then "full"). */
  failed(error: unknown): boolean;
  /** A write succeeded: there is space. */
  succeeded(): void;
  /** Asks the file system whether space came back (statfs); true while it is still full. */
  stillFull(): boolean;
  stop(): void;
}

/**
 * Whether the data folder's disk is full, learnt from failed writes and re-checked with statfs every few seconds
 * (and before a validation is refused), so the banner goes away by itself once space returns.
 */
export function createDiskWatch(
  dir: string,
  onChange: () => void,
  statfs = (p: string) => fs.statfsSync(p),
): DiskWatch {
  let full = false;
  let timer: NodeJS.Timeout | null = null;
  function set(value: boolean): void {
    if (full === value) return;
    full = value;
    if (full && !timer) {
      timer = setInterval(() => watch.stillFull(), 5_000);
      timer.unref();
    }
    if (!full && timer) {
      clearInterval(timer);
      timer = null;
    }
    onChange();
  }
  const watch: DiskWatch = {
    isFull: () => full,
    failed(error) {
      if (!isDiskFull(error)) return false;
      set(true);
      return true;
    },
    succeeded: () => set(false),
    stillFull() {
      if (!full) return false;
      try {
        const stats = statfs(dir);
        if (Number(stats.bavail) * Number(stats.bsize) >= ENOUGH_FREE_BYTES) set(false);
      } catch {
        // cannot tell: stay full until a write succeeds
      }
      return full;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return watch;
}
