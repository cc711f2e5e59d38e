import { useEffect, useRef, useState } from 'react';
import type { BookingView, Envelope } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { i18n } from '../../i18n';
import type { CounterAction, CounterPanel, PendingAction } from './counterPanel';

export interface CounterDesk {
  panel: CounterPanel | null;
  pending: PendingAction | null;
  /** Looks `text` up; false (nothing sent) while a validation or an undo is in flight. */
  lookup(text: string, token: string): boolean;
  /** Validates; false (nothing sent) while any call is in flight, so a double Enter sends one request. */
  validate(token: string, booking: BookingView | null): boolean;
  undo(token: string, booking: BookingView | null): boolean;
  /** Offline: validates the booking chosen by name for a token the counter cannot check. */
  validateProvisional(token: string, booking: BookingView): boolean;
  /** Clears the panel; a lookup still running is forgotten, a validation or undo is not. */
  clear(): void;
}

/**
 * The guichet flow: lookup → validate → maybe undo. One call at a time, except that a newer lookup
 * supersedes an older one (a fast second scan wins). `onSettled` runs after each answer is shown.
 */
export function useCounterDesk(onSettled: () => void): CounterDesk {
  const api = useApi();
  const [panel, setPanel] = useState<CounterPanel | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const inFlight = useRef<{ action: CounterAction; sequence: number } | null>(null);
  const sequence = useRef(0);

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
        setPanel(result);
        onSettled();
      });
  }

  // Local first: pass Culture contradicts the verdict on screen (e.g. cancelled since the last sync) — replace it,
  // unless the cashier has moved on to another code or an action.
  useEffect(
    () =>
      api.on('verdict.updated', (verdict) => {
        if (inFlight.current && inFlight.current.action !== 'lookup') return;
        setPanel((shown) =>
          shown?.kind === 'verdict' && shown.verdict.token === verdict.token ? { kind: 'verdict', verdict } : shown,
        );
      }),
    [api],
  );

  function failure(token: string, envelope: Envelope<unknown> & { ok: false }): CounterPanel {
    return { kind: 'error', token, error: envelope.error };
  }

  return {
    panel,
    pending,
    lookup(text, token) {
      if (inFlight.current && inFlight.current.action !== 'lookup') return false;
      run({ action: 'lookup', token }, async () => {
        const envelope = await api.call('counter.lookup', { text });
        return envelope.ok ? { kind: 'verdict', verdict: envelope.value } : failure(token, envelope);
      });
      return true;
    },
    validate(token, booking) {
      if (inFlight.current) return false;
      run({ action: 'validate', token }, async () => {
        const envelope = await api.call('counter.validate', { token });
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
    validateProvisional(token, booking) {
      if (inFlight.current) return false;
      run({ action: 'validateProvisional', token }, async () => {
        const envelope = await api.call('counter.validateProvisional', { token, bookingId: booking.bookingId });
        return envelope.ok ? { kind: 'provisional', validation: envelope.value, booking } : failure(token, envelope);
      });
      return true;
    },
    clear() {
      if (inFlight.current?.action === 'lookup') {
        sequence.current += 1;
        inFlight.current = null;
        setPending(null);
      }
      setPanel(null);
    },
  };
}

function unexpected(error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal' as const, message: i18n.t('ui:link.call_failed', { detail }) };
}
