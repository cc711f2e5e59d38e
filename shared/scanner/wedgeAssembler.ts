/**
 * Cuts the page's key presses into bursts and says which keys to stop. A burst is a run of character keys with
 * no pause over IDLE_END_MS; it ends on Enter/Tab, on a pause (scanners with no suffix), or on any other key.
 * Pure and clock-free (times come with the keys), so every scanner and typing pattern is a unit test.
 *
 * Stopping keys: in a text field a person's typing must work, and the first keys of a burst cannot be told from
 * typing yet, so characters go through and the caller restores the field once the burst proves to be a scan.
 * Elsewhere characters have no use and are stopped (but for a lone Space, which presses a focused button).
 * The suffix of a scan is always stopped, and so is a second suffix right after (CR LF, or a late Enter after a
 * pause-ended scan): an Enter reaching the guichet would validate the verdict on screen.
 *
 * A pause is noticed on the page's clock, but keys carry the time they were typed: when the page (or, in
 * Electron, the main process) is busy, keys arrive late and a burst can look paused when it is not. A key typed
 * right after the last key of a burst ended by a pause therefore reopens that burst: the whole scan is then
 * decided again, and its decision replaces the one made on the first part.
 *
 * A longer stall (a loaded PC, a USB hiccup: 200 ms and more in the middle of a QR code) is bridged differently: a
 * scan that a pause ends *incomplete* (the caller's `isIncomplete`, e.g. not a countermark: a cut payload) is held
 * back, not answered, for up to STALL_JOIN_MS; keys arriving meanwhile continue it (the stall does not count in its
 * rhythm), and only when nothing comes is it delivered as it is.
 */
import { roleOf, type Keystroke } from './keystroke';
import { IDLE_END_MS, MAX_SCAN_GAP_MS, MIN_SCAN_LENGTH, rhythmOf, type Rhythm } from './rhythm';

/** A suffix key this soon after a scan ended belongs to that scan. */
export const LATE_SUFFIX_MS = 300;
/** How long an incomplete scan ended by a pause waits for the rest of its keys. */
export const STALL_JOIN_MS = 600;

export interface WedgeAssemblerOptions {
  /** A scan a pause ended is incomplete (its keys so far are a cut payload): hold it for the rest. */
  isIncomplete?: (strokes: readonly Keystroke[]) => boolean;
}

export type FocusKind = 'text' | 'other';

export interface Burst {
  /** The character keys, in order. */
  strokes: Keystroke[];
  /** `typing` for a burst broken by another key (arrows, Backspace, a shortcut…). */
  rhythm: Rhythm;
  end: 'suffix' | 'idle' | 'interrupted';
  /** The suffix key (`Enter`, `Tab`) when `end` is `suffix`. */
  suffix: string | null;
  /** Stalls bridged inside it (an incomplete scan continued after a pause). */
  stalls: number;
}

export interface WedgeStep {
  /** Stop this key: no default action, no other listener. */
  swallow: boolean;
  /** This key began a burst (the caller notes the focused field's content, to restore it). */
  started: boolean;
  /** This key reopened the burst a pause had ended (the caller keeps that burst's field content). */
  reopened: boolean;
  /** Bursts that this key ended (a pause noticed late, then this key's own effect). */
  ended: Burst[];
}

export const isScan = (burst: Burst): boolean => burst.rhythm !== 'typing';

export function createWedgeAssembler(options: WedgeAssemblerOptions = {}) {
  let strokes: Keystroke[] = [];
  /** Indexes in `strokes` of the keys that came after a bridged stall (their gap is not the scanner's rhythm). */
  let stallsAt: number[] = [];
  let lastScanEnd = Number.NEGATIVE_INFINITY;
  /** The keys of the burst a pause ended last, while a key typed right after could still reopen it. */
  let pausedBurst: { strokes: Keystroke[]; stallsAt: number[] } | null = null;
  /** An incomplete scan a pause ended, held back until STALL_JOIN_MS after its last key. */
  let held: { strokes: Keystroke[]; stallsAt: number[] } | null = null;

  function rhythmOfKeys(keys: readonly Keystroke[], stalls: readonly number[]): Rhythm {
    if (stalls.length === 0) return rhythmOf(keys.map((s) => s.at));
    // A bridged stall counts as one more ordinary gap (the one before it), as if it had not happened.
    const times: number[] = [];
    keys.forEach((key, index) => {
      const previous = times[index - 1];
      if (previous === undefined || !stalls.includes(index)) {
        times.push(previous === undefined ? key.at : previous + (key.at - (keys[index - 1]?.at ?? key.at)));
        return;
      }
      const before = index >= 2 ? (times[index - 1] ?? 0) - (times[index - 2] ?? 0) : 5;
      times.push(previous + before);
    });
    return rhythmOf(times);
  }

  function burstOf(end: Burst['end'], suffix: string | null, keys: Keystroke[], stalls: number[]): Burst {
    return {
      strokes: keys,
      rhythm: end === 'interrupted' ? 'typing' : rhythmOfKeys(keys, stalls),
      end,
      suffix,
      stalls: stalls.length,
    };
  }

  /** Closes the open burst; a scan a pause ended incomplete is held instead (returned null). */
  function close(end: Burst['end'], suffix: string | null, at: number): Burst | null {
    const burst = burstOf(end, suffix, strokes, stallsAt);
    const keptStalls = stallsAt;
    strokes = [];
    stallsAt = [];
    if (end === 'idle' && isScan(burst) && options.isIncomplete?.(burst.strokes)) {
      held = { strokes: burst.strokes, stallsAt: keptStalls };
      pausedBurst = null;
      return null;
    }
    pausedBurst = end === 'idle' ? { strokes: burst.strokes, stallsAt: keptStalls } : null;
    if (isScan(burst)) lastScanEnd = at;
    return burst;
  }

  /** The held scan, delivered as it is: nothing continued it in time. */
  function release(): Burst | null {
    if (!held) return null;
    const burst = burstOf('idle', null, held.strokes, held.stallsAt);
    held = null;
    lastScanEnd = burst.strokes.at(-1)?.at ?? lastScanEnd;
    return burst;
  }

  function lastAt(): number | null {
    return strokes.at(-1)?.at ?? null;
  }

  return {
    push(stroke: Keystroke, focus: FocusKind): WedgeStep {
      const role = roleOf(stroke);
      if (role === 'modifier') return { swallow: false, started: false, reopened: false, ended: [] };
      const ended: Burst[] = [];
      const previous = lastAt();
      if (previous !== null && stroke.at - previous > IDLE_END_MS) {
        const closed = close('idle', null, stroke.at);
        if (closed) ended.push(closed);
      }
      const heldLast = held?.strokes.at(-1);
      const continuesHeld = held !== null && heldLast !== undefined && stroke.at - heldLast.at <= STALL_JOIN_MS;
      if (held && (!continuesHeld || role === 'other')) {
        const released = release();
        if (released) ended.push(released);
      }

      if (role === 'char') {
        let reopened = false;
        if (held && strokes.length === 0) {
          strokes = [...held.strokes];
          stallsAt = [...held.stallsAt, strokes.length];
          held = null;
          reopened = true;
        } else {
          const paused = pausedBurst?.strokes.at(-1);
          reopened = strokes.length === 0 && paused !== undefined && stroke.at - paused.at <= MAX_SCAN_GAP_MS;
          if (reopened && pausedBurst) {
            strokes = [...pausedBurst.strokes];
            stallsAt = [...pausedBurst.stallsAt];
          }
        }
        pausedBurst = null;
        const started = strokes.length === 0;
        strokes.push(stroke);
        const isLoneSpace = started && stroke.key === ' ';
        return { swallow: focus === 'other' && !isLoneSpace, started, reopened, ended };
      }
      pausedBurst = null;
      if (role === 'suffix' && held && strokes.length === 0) {
        // The suffix of the held scan, after the stall: it ends that scan (and is stopped, as any scan's suffix).
        const burst = burstOf('suffix', stroke.key, held.strokes, held.stallsAt);
        held = null;
        lastScanEnd = stroke.at;
        ended.push(burst);
        return { swallow: isScan(burst), started: false, reopened: false, ended };
      }
      if (role === 'suffix') {
        if (strokes.length > 0) {
          const burst = close('suffix', stroke.key, stroke.at);
          if (burst) ended.push(burst);
          return { swallow: burst !== null && isScan(burst), started: false, reopened: false, ended };
        }
        return { swallow: stroke.at - lastScanEnd <= LATE_SUFFIX_MS, started: false, reopened: false, ended };
      }
      if (strokes.length > 0) {
        const closed = close('interrupted', null, stroke.at);
        if (closed) ended.push(closed);
      }
      return { swallow: false, started: false, reopened: false, ended };
    },

    /**
     * Call it at `deadline()`: ends the burst if nothing came for IDLE_END_MS before `now` (an incomplete scan is
     * then held, and null returned), or delivers the held scan once STALL_JOIN_MS have passed without its rest.
     */
    idle(now: number): Burst | null {
      const heldLast = held?.strokes.at(-1);
      if (heldLast && now - heldLast.at >= STALL_JOIN_MS) return release();
      const previous = lastAt();
      if (previous === null || now - previous < IDLE_END_MS) return null;
      return close('idle', null, now);
    },

    /** When `idle` should next be called, or null with no burst open and none held. */
    deadline(): number | null {
      const previous = lastAt();
      if (previous !== null) return previous + IDLE_END_MS;
      const heldLast = held?.strokes.at(-1);
      return heldLast ? heldLast.at + STALL_JOIN_MS : null;
    },

    /** The open burst's character keys so far. */
    openKeys: (): readonly Keystroke[] => strokes,

    /** An incomplete scan is waiting for the rest of its keys (the caller keeps the field as the scan began). */
    isHolding: () => held !== null,

    /**
     * The open burst already reads as a scan (MIN_SCAN_LENGTH keys at a scanner's rhythm): its suffix, and so its
     * lookup, follows within a few hundred ms at most. Asked, not computed at each key: it sorts the burst's gaps.
     */
    isScanUnderway: () => strokes.length >= MIN_SCAN_LENGTH && rhythmOfKeys(strokes, stallsAt) !== 'typing',
  };
}
