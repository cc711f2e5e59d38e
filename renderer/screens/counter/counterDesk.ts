/**
 * The guichet flow: lookup → validate → maybe undo. One call at a time, except that a newer lookup supersedes an
 * older one (a fast second scan wins). Whatever code is read next (a countermark, a foreign barcode, a typo), the
 * verdict on screen stops being actionable at once: Enter only ever validates the verdict of the last code read. A
 * green that nobody validated is remembered as a note, so the person it was about is not forgotten.
 *
 * Plain TypeScript (no React): the screen mirrors its state (`CounterScreen.tsx`), tests drive it with a fake core.
 */
import { parseCountermark } from '../../../shared/countermark';
import type { BookingView, Envelope, GuichetApi, Verdict } from '../../../shared/contract';
import type { ForeignCode } from '../../../shared/foreignCode';
import { i18n } from '../../i18n';
import { admittable, shortName, type CounterPanel } from './counterPanel';

export type CounterAction = 'lookup' | 'validate' | 'undo' | 'validateProvisional';

export interface PendingAction {
  action: CounterAction;
  token: string;
}

/** A verdict that could have let someone in, replaced by another code before anyone validated it. */
export interface UnvalidatedNote {
  token: string;
  name: string | null;
}

export interface CounterDeskState {
  panel: CounterPanel | null;
  pending: PendingAction | null;
  /** "Précédente non validée : Camille D.": kept until it is looked at again, validated, or dismissed. */
  previous: UnvalidatedNote | null;
}

/** The verdict Enter may act on: the last code read's, answered, and admittable. Never one still being replaced. */
export function currentVerdict(state: CounterDeskState): Verdict | null {
  return state.pending ? null : admittable(state.panel);
}

/** What Enter in the code field does with what is typed, given the verdict Enter may act on. */
export type EnterAction =
  /**
   * Validate the verdict on screen (green), or ask first (amber "autre séance"): Enter on an empty field, or the
   * same code read again (`typed`: the field is then emptied).
   */
  | { kind: 'admit'; typed: boolean }
  /** Nothing typed and nothing to admit. */
  | { kind: 'nothing' }
  | { kind: 'lookup'; text: string; token: string }
  /** Not a countermark: a typo stays in the field, a foreign code gets its explanation. */
  | { kind: 'refuse'; text: string };

export function enterAction(text: string, current: Verdict | null): EnterAction {
  const parsed = parseCountermark(text);
  if (!parsed.ok) {
    if (parsed.reason !== 'empty') return { kind: 'refuse', text };
    return current ? { kind: 'admit', typed: false } : { kind: 'nothing' };
  }
  // The same code typed or scanned again is the cashier confirming the verdict on screen.
  if (current && parsed.token === current.token.toUpperCase()) return { kind: 'admit', typed: true };
  return { kind: 'lookup', text: text.trim(), token: parsed.token };
}

/**
 * What changed the state: `answer`, something the core said (a reply, a verdict corrected, an upload settled), which
 * the screen shows before anything else; `local`, the cashier's own step (a code read, a note dismissed).
 */
export type DeskChangeCause = 'answer' | 'local';

export type DeskListener = (state: CounterDeskState, cause: DeskChangeCause) => void;

export interface CounterDesk {
  getState(): CounterDeskState;
  /** Calls `listener` after each change; returns the unsubscription. */
  subscribe(listener: DeskListener): () => void;
  /** Follows the core's events (a verdict pass Culture contradicts, an upload settled); returns the stop. */
  listen(): () => void;
  /** Looks `text` up; false (nothing sent) while a validation or an undo is in flight. */
  lookup(text: string, token: string): boolean;
  /**
   * A scan's token, read before the scan ends: its lookup starts now, and nothing changes on screen until the
   * scan's `lookup` takes its answer. Nothing is sent when that scan would not be looked up (busy validating, or
   * the code of the verdict on screen, which admits it).
   */
  lookUpAhead(token: string): void;
  /**
   * Validates; false (nothing sent) while any call is in flight, so a double Enter sends one request.
   * `acceptOtherSeance`: the cashier confirmed a booking of another séance (the engine refuses it otherwise).
   */
  validate(token: string, booking: BookingView | null, options?: { acceptOtherSeance?: boolean }): boolean;
  undo(token: string, booking: BookingView | null): boolean;
  /** Offline: validates the booking chosen by name for a token the counter cannot check. */
  validateProvisional(token: string, booking: BookingView, options?: { acceptOtherSeance?: boolean }): boolean;
  /** A code that is not a countermark was read: its explanation replaces the verdict (nothing is sent). */
  showForeign(code: ForeignCode): void;
  /** A code was read but refused inline (a typo): the previous verdict goes, so Enter cannot validate it. */
  dropVerdict(): void;
  /** Back to the verdict the note is about (looked up again: it may have changed since). */
  goBack(): boolean;
  dismissPrevious(): void;
  /** Clears the panel and the note; a lookup still running is forgotten, a validation or undo is not. */
  clear(): void;
}

/** A lookup started ahead of its scan's end is taken by that scan's lookup this soon after, or never. */
export const AHEAD_KEPT_MS = 1000;

/** A lookup started before its scan ended; `update`, pass Culture's word on its verdict after the reply, if any. */
interface LookupAhead {
  token: string;
  startedAt: number;
  reply: Promise<Envelope<Verdict>>;
  hasReplied: boolean;
  update: Verdict | null;
  isTaken: boolean;
}

/**
 * `onSettled` runs after each answer is shown (the screen gives the focus back to the code field); `now`, a
 * monotonic clock in ms.
 */
export function createCounterDesk(
  api: Pick<GuichetApi, 'call' | 'on'>,
  onSettled: () => void,
  now: () => number = () => performance.now(),
): CounterDesk {
  let state: CounterDeskState = { panel: null, pending: null, previous: null };
  const listeners = new Set<DeskListener>();
  let inFlight: { action: CounterAction; sequence: number } | null = null;
  let sequence = 0;
  let ahead: LookupAhead | null = null;

  function update(change: Partial<CounterDeskState>, cause: DeskChangeCause = 'local'): void {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state, cause);
  }

  /** Another code was read: an admittable verdict left unvalidated becomes the note (the change, not applied). */
  function noteOnLeaving(nextToken: string | null): Pick<CounterDeskState, 'previous'> | null {
    const current = admittable(state.panel);
    if (current && current.token !== nextToken) {
      return { previous: { token: current.token, name: shortName(current.booking) } };
    }
    return nextToken !== null && state.previous?.token === nextToken ? { previous: null } : null;
  }

  function leaveCurrent(nextToken: string | null): void {
    const note = noteOnLeaving(nextToken);
    if (note) update(note);
  }

  /** `note`: the change to the note that comes with the answer (see `lookup`). */
  function run(
    next: PendingAction,
    call: () => Promise<CounterPanel>,
    note: CounterDeskState['previous'] | undefined = undefined,
  ): void {
    const current = ++sequence;
    inFlight = { action: next.action, sequence: current };
    update({ pending: next });
    void call()
      .catch((error: unknown): CounterPanel => ({ kind: 'error', token: next.token, error: unexpected(error) }))
      .then((result) => {
        if (sequence !== current) return; // superseded by a newer lookup, or cleared
        inFlight = null;
        const before = note === undefined ? state.previous : note;
        const settled = result.kind === 'validated' || result.kind === 'provisional';
        const previous = settled && before?.token === result.validation.token ? null : before;
        update({ pending: null, panel: result, previous }, 'answer');
        onSettled();
      });
  }

  function forgetLookup(): void {
    if (inFlight?.action === 'lookup') {
      sequence += 1;
      inFlight = null;
      update({ pending: null });
    }
  }

  function failure(token: string, envelope: Envelope<unknown> & { ok: false }): CounterPanel {
    return { kind: 'error', token, error: envelope.error };
  }

  /** A validation or an undo in flight refuses lookups; a lookup in flight is superseded by the next. */
  const isTakingLookups = () => inFlight === null || inFlight.action === 'lookup';

  /** The lookup started ahead for exactly this text, still fresh: taken once. */
  function takeAhead(text: string): LookupAhead | null {
    if (!ahead || ahead.isTaken || ahead.token !== text || now() - ahead.startedAt > AHEAD_KEPT_MS) return null;
    ahead.isTaken = true;
    return ahead;
  }

  function lookup(text: string, token: string): boolean {
    if (!isTakingLookups()) return false;
    // The note about the verdict being replaced appears with the answer that replaces it: until then that verdict
    // is still on screen, and a screen left untouched at Enter lets the answer be drawn sooner (`shownPending.ts`).
    const note = noteOnLeaving(token);
    const started = takeAhead(text);
    const reply = started?.reply ?? api.call('counter.lookup', { text });
    run(
      { action: 'lookup', token },
      async () => {
        const envelope = await reply;
        // pass Culture may have confirmed or corrected the verdict before the scan ended: its word is the newer.
        return envelope.ok ? { kind: 'verdict', verdict: started?.update ?? envelope.value } : failure(token, envelope);
      },
      note ? note.previous : undefined,
    );
    return true;
  }

  function lookUpAhead(token: string): void {
    if (!isTakingLookups()) return;
    if (currentVerdict(state)?.token.toUpperCase() === token) return;
    const started: LookupAhead = {
      token,
      startedAt: now(),
      reply: api.call('counter.lookup', { text: token }),
      hasReplied: false,
      update: null,
      isTaken: false,
    };
    const replied = () => (started.hasReplied = true);
    void started.reply.then(replied, replied);
    ahead = started;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    listen() {
      // Local first: pass Culture's answer to the verdict on screen confirms it or corrects it (e.g. cancelled since
      // the last sync; the panel then says so) — shown unless the cashier has moved on to another code or an action.
      const stopVerdicts = api.on('verdict.updated', (verdict) => {
        if (ahead?.hasReplied && ahead.token === verdict.token) ahead.update = verdict;
        if (inFlight) return;
        const { panel } = state;
        if (panel?.kind === 'verdict' && panel.verdict.token === verdict.token)
          update({ panel: { kind: 'verdict', verdict } }, 'answer');
      });
      // A validation shown as "sera envoyée" says so once pass Culture has it (or refused it).
      const stopUploads = api.on('upload.settled', (settled) => {
        const { panel } = state;
        if (panel?.kind === 'validated' && panel.validation.ledgerId === settled.ledgerId) {
          if (settled.state === 'done') {
            update({ panel: { ...panel, validation: { ...panel.validation, upload: 'sent' } } }, 'answer');
          } else {
            const message = settled.reason ?? i18n.t('common:errors.platform_error', { status: '' });
            update(
              { panel: { kind: 'error', token: panel.validation.token, error: { code: 'platform_refused', message } } },
              'answer',
            );
          }
        }
        if (panel?.kind === 'undone' && panel.undo.ledgerId === settled.ledgerId && settled.state === 'done') {
          update({ panel: { ...panel, undo: { ...panel.undo, upload: 'sent' } } }, 'answer');
        }
      });
      return () => {
        stopVerdicts();
        stopUploads();
      };
    },
    lookup,
    lookUpAhead,
    validate(token, booking, options = {}) {
      if (inFlight) return false;
      run({ action: 'validate', token }, async () => {
        const envelope = await api.call('counter.validate', { token, ...options });
        if (!envelope.ok) return failure(token, envelope);
        return { kind: 'validated', validation: envelope.value, booking: envelope.value.booking ?? booking };
      });
      return true;
    },
    undo(token, booking) {
      if (inFlight) return false;
      run({ action: 'undo', token }, async () => {
        const envelope = await api.call('counter.undo', { token });
        return envelope.ok ? { kind: 'undone', undo: envelope.value, booking } : failure(token, envelope);
      });
      return true;
    },
    validateProvisional(token, booking, options = {}) {
      if (inFlight) return false;
      run({ action: 'validateProvisional', token }, async () => {
        const input = { token, bookingId: booking.bookingId, ...options };
        const envelope = await api.call('counter.validateProvisional', input);
        return envelope.ok ? { kind: 'provisional', validation: envelope.value, booking } : failure(token, envelope);
      });
      return true;
    },
    showForeign(code) {
      leaveCurrent(null);
      forgetLookup();
      update({ panel: { kind: 'foreign', code } });
    },
    dropVerdict() {
      leaveCurrent(null);
      forgetLookup();
      update({ panel: null });
    },
    goBack() {
      if (!state.previous) return false;
      const { token } = state.previous;
      return lookup(token, token);
    },
    dismissPrevious() {
      update({ previous: null });
    },
    clear() {
      forgetLookup();
      update({ previous: null, panel: null });
    },
  };
}

function unexpected(error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal' as const, message: i18n.t('ui:link.call_failed', { detail }) };
}

/**
 * A scan that reads as several codes (keyboard layouts, docs/peers.md): the core says which exist. Exactly one, with
 * none left unchecked, is looked up; otherwise the cashier picks the code printed under the QR code. Never a guess.
 */
export function resolvedCandidate(existing: readonly string[], unchecked: readonly string[]): string | null {
  const [only] = existing;
  return only !== undefined && existing.length === 1 && unchecked.length === 0 ? only : null;
}

/** How a candidate is offered to the cashier: found on pass Culture or here, not checked, or not found. */
export function candidateState(
  token: string,
  checked: { existing: readonly string[]; unchecked: readonly string[] },
): 'exists' | 'unchecked' | 'absent' {
  if (checked.existing.includes(token)) return 'exists';
  return checked.unchecked.includes(token) ? 'unchecked' : 'absent';
}
