/**
 * Keyboard-wedge capture for the whole page, wherever the focus is: one keydown listener on `window` in the
 * capture phase, so it runs before any field, button or shortcut. Keys the assembler stops get neither their
 * default action nor any other listener (a scan's Enter must not validate, its Space must not press a button).
 * The idle timer only runs while a burst is open. `onScanUnderway` hears that a burst already reads as a scan,
 * before its suffix (at most every ANNOUNCE_EVERY_MS): the lookup is on its way. `onTokenRead` hears the token
 * of a QR payload the moment its last character is in, before the suffix ends the scan.
 */
import { useEffect, useEffectEvent } from 'react';
import type { Keystroke } from '../../shared/scanner/keystroke';
import type { ReadingSource } from '../../shared/scanner/readingSource';
import type { FocusKind } from '../../shared/scanner/wedgeAssembler';
import { createWedgeScanner, type WedgeBurst } from '../../shared/scanner/wedgeScanner';

/** How late a timer may fire before the page counts as having been busy. */
const LATE_TIMER_MS = 30;
/**
 * A scan being typed is announced at most this often: once for a fast scanner's whole code, again every so often
 * for a slow one, within the engine's wait for it (EXPECTED_SCAN_MS in electron/core/foreground.ts, 300 ms).
 */
const ANNOUNCE_EVERY_MS = 150;

export interface ScanUnderwayHandlers {
  onScanUnderway(): void;
  onTokenRead(token: string): void;
}

export function useWedgeCapture(
  onBurst: (burst: WedgeBurst, focus: FocusKind) => void,
  knownSources: () => readonly ReadingSource[] | null,
  underway: ScanUnderwayHandlers,
): void {
  const deliver = useEffectEvent(onBurst);
  const announce = useEffectEvent(() => underway.onScanUnderway());
  const tokenRead = useEffectEvent((token: string) => underway.onTokenRead(token));
  const known = useEffectEvent(knownSources);

  useEffect(() => {
    const scanner = createWedgeScanner({ knownSources: () => known() });
    const keys = createKeystrokeReader();
    /** The focused field as it was when the open burst began, and where its keys went. */
    let snapshot: FieldSnapshot | null = null;
    let focus: FocusKind = 'other';
    let timer: number | undefined;
    /** Physical keys whose keydown was stopped: their keyup is stopped too (a button acts on Space's keyup). */
    const stopped = new Set<string>();

    /** The snapshot of a burst a pause ended, for the case its next keys were only late (see wedgeAssembler). */
    let pausedSnapshot: FieldSnapshot | null = null;

    function finish(result: WedgeBurst): void {
      const leaked = result.isScan ? snapshot : null;
      const leakedValue = leaked?.element.value ?? null;
      pausedSnapshot = result.burst.end === 'idle' ? snapshot : null;
      snapshot = null;
      // The scan first (the guichet sends its lookup at once), the field afterwards: restoring it re-renders,
      // and a screen that rewrote the field for the scan (the guichet empties it) is left as it made it.
      deliver(result, focus);
      if (leaked && leakedValue !== null) window.setTimeout(() => restoreField(leaked, leakedValue));
    }

    /** When a scan being typed was last announced (the key's time). */
    let lastAnnounced = Number.NEGATIVE_INFINITY;

    /** The last key's own time and when the page handled it: a pause is measured from the latter. */
    let lastKey = { at: 0, handledAt: 0 };

    function arm(): void {
      window.clearTimeout(timer);
      const deadline = scanner.deadline();
      if (deadline === null) return;
      const delay = Math.max(0, lastKey.handledAt + (deadline - lastKey.at) - performance.now()) + 1;
      const due = performance.now() + delay;
      timer = window.setTimeout(() => {
        // A timer firing late means the page was busy: keys typed meanwhile may still be queued behind it.
        // Give them one more turn before calling the burst over.
        if (performance.now() - due > LATE_TIMER_MS) {
          timer = window.setTimeout(endIfIdle, LATE_TIMER_MS);
          return;
        }
        endIfIdle();
      }, delay);
    }

    function endIfIdle(): void {
      // Keys carry the time they were typed, but a busy page may get them late: the pause counts from when
      // the last key was handled, so a burst is not cut while its next keys are still on their way.
      const ended = scanner.idle(lastKey.at + (performance.now() - lastKey.handledAt));
      if (ended) finish(ended);
      arm();
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const stroke = keys.fromKeyDown(event);
      lastKey = { at: stroke.at, handledAt: performance.now() };
      const where = focusKindOf(event.target);
      const step = scanner.push(stroke, where);
      step.bursts.forEach(finish);
      if (step.tokenRead) tokenRead(step.tokenRead);
      else if (stroke.at - lastAnnounced >= ANNOUNCE_EVERY_MS && scanner.isScanUnderway()) {
        lastAnnounced = stroke.at;
        announce();
      }
      // A burst held back as an incomplete scan (a stall) still has its own snapshot: keep it.
      if (step.reopened) snapshot = snapshot ?? pausedSnapshot;
      else if (step.started) {
        snapshot = where === 'text' ? snapshotField(event.target) : null;
        focus = where;
      }
      if (step.swallow) {
        event.preventDefault();
        event.stopImmediatePropagation();
        stopped.add(event.code);
      }
      arm();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      keys.keyUp(event);
      if (stopped.delete(event.code)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    const onBlur = () => keys.reset();

    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    window.addEventListener('blur', onBlur);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
      window.removeEventListener('blur', onBlur);
    };
  }, []);
}

/**
 * KeyboardEvent → Keystroke. AltGr is the third level of European layouts; a scanner set to AZERTY sends it as
 * Right Alt, which a US PC reports as plain Alt: holding Right Alt therefore counts as AltGr, never as a shortcut.
 */

function createKeystrokeReader() {
  let isRightAltDown = false;
  return {
    fromKeyDown(event: KeyboardEvent): Keystroke {
      if (event.code === 'AltRight') isRightAltDown = true;
      const altGraph =
        event.getModifierState('AltGraph') || (event.ctrlKey && event.altKey) || (isRightAltDown && event.altKey);
      return {
        key: event.key,
        code: event.code,
        shift: event.shiftKey,
        altGraph,
        command: (event.ctrlKey || event.altKey || event.metaKey) && !altGraph,
        at: event.timeStamp,
      };
    },
    keyUp(event: KeyboardEvent): void {
      if (event.code === 'AltRight') isRightAltDown = false;
    },
    reset(): void {
      isRightAltDown = false;
    },
  };
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/** Where a key lands: a field that takes text (the key types there), or anything else. */
function focusKindOf(target: EventTarget | null): FocusKind {
  if (target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type) ? 'text' : 'other';
  return target instanceof HTMLElement && target.isContentEditable ? 'text' : 'other';
}

/**
 * A scan's first keys type into the focused field before the burst can be told from typing; once it is a scan,
 * the field gets back what it held before (the keys typed nothing a person meant). The value goes through the element's native setter and an `input`
 * event, so React's controlled fields see the change.
 */
interface FieldSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  if (!(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = target.selectionStart;
    selectionEnd = target.selectionEnd;
  } catch {
    // Some input types have no selection.
  }
  return { element: target, value: target.value, selectionStart, selectionEnd };
}

/** Puts the field back as in `snapshot`, unless something else changed it since it held `leaked`. */
function restoreField(snapshot: FieldSnapshot, leaked: string): void {
  const { element, value } = snapshot;
  if (!element.isConnected || element.value === value || element.value !== leaked) return;
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      element.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // As above.
    }
  }
}
