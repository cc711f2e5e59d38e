import { useEffect, useRef, useState } from 'react';
import type { BookingView, Envelope } from '../../../shared/contract';
import type { ForeignCode } from '../../../shared/foreignCode';
import { useApi } from '../../context/coreContext';
import { i18n } from '../../i18n';
import { admittable, shortName, type CounterAction, type CounterPanel, type PendingAction } from './counterPanel';

/** A verdict that could have let someone in, replaced by another code before anyone validated it. */
export interface UnvalidatedNote {
  token: string;
  name: string | null;
}

export interface CounterDesk {
  panel: CounterPanel | null;
  pending: PendingAction | null;
  /** "Précédente non validée : Camille D.": kept until it is looked at again, validated, or dismissed. */
  previous: UnvalidatedNote | null;
  /** Looks `text` up; false (nothing sent) while a validation or an undo is in flight. */
  lookup(text: string, token: string): boolean;
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

/**
 * The guichet flow: lookup → validate → maybe undo. One call at a time, except that a newer lookup
 * supersedes an older one (a fast second scan wins). `onSettled` runs after each answer is shown.
 *
 * Whatever code is read next (a countermark, a foreign barcode, a typo), the verdict on screen stops being
 * actionable at once: Enter only ever validates the verdict of the last code read. A green that nobody validated
 * is remembered as a note, so the person it was about is not forgotten.
 */
export function useCounterDesk(onSettled: () => void): CounterDesk {
  const api = useApi();
  const [panel, setPanel] = useState<CounterPanel | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [previous, setPrevious] = useState<UnvalidatedNote | null>(null);
  const inFlight = useRef<{ action: CounterAction; sequence: number } | null>(null);
  const sequence = useRef(0);
  // Read by handlers between renders (a scan and its lookup can come before React re-renders).
  const shown = useRef<CounterPanel | null>(null);

  function show(next: CounterPanel | null): void {
    shown.current = next;
    setPanel(next);
  }

  /** Another code was read: an admittable verdict left unvalidated becomes the note. */
  function leaveCurrent(nextToken: string | null): void {
    const current = admittable(shown.current);
    if (current && current.token !== nextToken) {
      setPrevious({ token: current.token, name: shortName(current.booking) });
    } else if (nextToken !== null) {
      setPrevious((note) => (note?.token === nextToken ? null : note));
    }
  }

  function run(next: PendingAction, call: () => Promise<CounterPanel>): void {
    const current = ++sequence.current;
    inFlight.current = { action: next.action, sequence: current };
    setPending(next);
    void call()
      .catch((error: unknown): CounterPanel => ({ kind: 'error', token: next.token, error: unexpected(error) }))
      .then((result) => {
        if (sequence.current !== current) return; // superseded by a newer lookup, or cleared
        inFlight.current = null;
        setPending(null);
        show(result);
        if (result.kind === 'validated' || result.kind === 'provisional') {
          const token = result.validation.token;
          setPrevious((note) => (note?.token === token ? null : note));
        }
        onSettled();
      });
  }

  function forgetLookup(): void {
    if (inFlight.current?.action === 'lookup') {
      sequence.current += 1;
      inFlight.current = null;
      setPending(null);
    }
  }

  // Local first: pass Culture's answer to the verdict on screen confirms it or corrects it (e.g. cancelled since the
  // last sync; the panel then says so) — shown unless the cashier has moved on to another code or an action.
  useEffect(
    () =>
      api.on('verdict.updated', (verdict) => {
        if (inFlight.current) return;
        const current = shown.current;
        if (current?.kind === 'verdict' && current.verdict.token === verdict.token) show({ kind: 'verdict', verdict });
      }),
    [api],
  );

  // A validation shown as "sera envoyée" says so once pass Culture has it (or refused it).
  useEffect(
    () =>
      api.on('upload.settled', (settled) => {
        const current = shown.current;
        if (current?.kind === 'validated' && current.validation.ledgerId === settled.ledgerId) {
          if (settled.state === 'done') {
            show({ ...current, validation: { ...current.validation, upload: 'sent' } });
          } else {
            const message = settled.reason ?? i18n.t('common:errors.platform_error', { status: '' });
            show({ kind: 'error', token: current.validation.token, error: { code: 'platform_refused', message } });
          }
        }
        if (current?.kind === 'undone' && current.undo.ledgerId === settled.ledgerId && settled.state === 'done') {
          show({ ...current, undo: { ...current.undo, upload: 'sent' } });
        }
      }),
    [api],
  );

  function failure(token: string, envelope: Envelope<unknown> & { ok: false }): CounterPanel {
    return { kind: 'error', token, error: envelope.error };
  }

  function lookup(text: string, token: string): boolean {
    if (inFlight.current && inFlight.current.action !== 'lookup') return false;
    leaveCurrent(token);
    run({ action: 'lookup', token }, async () => {
      const envelope = await api.call('counter.lookup', { text });
      return envelope.ok ? { kind: 'verdict', verdict: envelope.value } : failure(token, envelope);
    });
    return true;
  }

  return {
    panel,
    pending,
    previous,
    lookup,
    validate(token, booking, options = {}) {
      if (inFlight.current) return false;
      run({ action: 'validate', token }, async () => {
        const envelope = await api.call('counter.validate', { token, ...options });
        if (!envelope.ok) return failure(token, envelope);
        return { kind: 'validated', validation: envelope.value, booking: envelope.value.booking ?? booking };
      });
      return true;
    },
    undo(token, booking) {
      if (inFlight.current) return false;
      run({ action: 'undo', token }, async () => {
        const envelope = await api.call('counter.undo', { token });
        return envelope.ok ? { kind: 'undone', undo: envelope.value, booking } : failure(token, envelope);
      });
      return true;
    },
    validateProvisional(token, booking, options = {}) {
      if (inFlight.current) return false;
      run({ action: 'validateProvisional', token }, async () => {
        const envelope = await api.call('counter.validateProvisional', {
          token,
          bookingId: booking.bookingId,
          ...options,
        });
        return envelope.ok ? { kind: 'provisional', validation: envelope.value, booking } : failure(token, envelope);
      });
      return true;
    },
    showForeign(code) {
      leaveCurrent(null);
      forgetLookup();
      show({ kind: 'foreign', code });
    },
    dropVerdict() {
      leaveCurrent(null);
      forgetLookup();
      show(null);
    },
    goBack() {
      if (!previous) return false;
      const { token } = previous;
      return lookup(token, token);
    },
    dismissPrevious() {
      setPrevious(null);
    },
    clear() {
      forgetLookup();
      setPrevious(null);
      show(null);
    },
  };
}

function unexpected(error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal' as const, message: i18n.t('ui:link.call_failed', { detail }) };
}
