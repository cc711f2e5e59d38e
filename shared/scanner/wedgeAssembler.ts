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
 */
import { roleOf, type Keystroke } from './keystroke';
import { IDLE_END_MS, MAX_SCAN_GAP_MS, rhythmOf, type Rhythm } from './rhythm';

/** A suffix key this soon after a scan ended belongs to that scan. */
export const LATE_SUFFIX_MS = 300;

export type FocusKind = 'text' | 'other';

export interface Burst {
  /** The character keys, in order. */
  strokes: Keystroke[];
  /** `typing` for a burst broken by another key (arrows, Backspace, a shortcut…). */
  rhythm: Rhythm;
  end: 'suffix' | 'idle' | 'interrupted';
  /** The suffix key (`Enter`, `Tab`) when `end` is `suffix`. */
  suffix: string | null;
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

export function createWedgeAssembler() {
  let strokes: Keystroke[] = [];
  let lastScanEnd = Number.NEGATIVE_INFINITY;
  /** The keys of the burst a pause ended last, while a key typed right after could still reopen it. */
  let pausedBurst: Keystroke[] | null = null;

  function close(end: Burst['end'], suffix: string | null, at: number): Burst {
    const burst: Burst = {
      strokes,
      rhythm: end === 'interrupted' ? 'typing' : rhythmOf(strokes.map((s) => s.at)),
      end,
      suffix,
    };
    strokes = [];
    pausedBurst = end === 'idle' ? burst.strokes : null;
    if (isScan(burst)) lastScanEnd = at;
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
      if (previous !== null && stroke.at - previous > IDLE_END_MS) ended.push(close('idle', null, stroke.at));

      if (role === 'char') {
        const paused = pausedBurst?.at(-1);
        const reopened = strokes.length === 0 && paused !== undefined && stroke.at - paused.at <= MAX_SCAN_GAP_MS;
        if (reopened && pausedBurst) strokes = [...pausedBurst];
        pausedBurst = null;
        const started = strokes.length === 0;
        strokes.push(stroke);
        const isLoneSpace = started && stroke.key === ' ';
        return { swallow: focus === 'other' && !isLoneSpace, started, reopened, ended };
      }
      pausedBurst = null;
      if (role === 'suffix') {
        if (strokes.length > 0) {
          const burst = close('suffix', stroke.key, stroke.at);
          ended.push(burst);
          return { swallow: isScan(burst), started: false, reopened: false, ended };
        }
        return { swallow: stroke.at - lastScanEnd <= LATE_SUFFIX_MS, started: false, reopened: false, ended };
      }
      if (strokes.length > 0) ended.push(close('interrupted', null, stroke.at));
      return { swallow: false, started: false, reopened: false, ended };
    },

    /** Ends the burst if nothing came for IDLE_END_MS before `now`; call it at `deadline()`. */
    idle(now: number): Burst | null {
      const previous = lastAt();
      if (previous === null || now - previous < IDLE_END_MS) return null;
      return close('idle', null, now);
    },

    /** When `idle` should next be called, or null with no burst open. */
    deadline(): number | null {
      const previous = lastAt();
      return previous === null ? null : previous + IDLE_END_MS;
    },
  };
}

export type WedgeAssembler = ReturnType<typeof createWedgeAssembler>;
