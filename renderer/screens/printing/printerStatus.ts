/** The printer as every screen sees it: its status and jobs, kept current by `printer.changed`, and its colour. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, PrintJobView, PrinterStateView, PrinterStatusView } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';

const PRINTER_EVENTS: readonly EventName[] = ['printer.changed'];
const NO_JOBS: readonly PrintJobView[] = [];

/** Reloads the status on start, after a reconnection (events sent meanwhile are lost) and for another account. */
const STATUS_RELOAD_ON: readonly EventName[] = ['account.changed'];

/**
 * The printer's last known status: loaded once, then taken from each `printer.changed` as it comes (the event
 * carries the whole status, so a busy queue costs the screen no call back to the engine).
 */
export function usePrinterStatus(): { status: PrinterStatusView | null } {
  const api = useApi();
  const reloadKey = useEventRefreshKey(STATUS_RELOAD_ON);
  const [status, setStatus] = useState<PrinterStatusView | null>(null);
  /** Events taken so far: a load answered after one of them would be older than what is shown. */
  const eventsTaken = useRef(0);

  useEffect(
    () =>
      api.on('printer.changed', ({ jobId: _job, ...view }) => {
        eventsTaken.current += 1;
        setStatus(view);
      }),
    [api],
  );

  useEffect(() => {
    let isCurrent = true;
    const takenBefore = eventsTaken.current;
    api.call('printer.status', {}).then(
      (envelope) => {
        if (isCurrent && envelope.ok && eventsTaken.current === takenBefore) setStatus(envelope.value);
      },
      // The status bar keeps what it showed: the next event or reconnection brings the status back.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [api, reloadKey]);

  return { status };
}

/** Today's print jobs and every one still waiting or failed, newest first; `enabled` false loads nothing. */
export function usePrintJobs(enabled = true): { jobs: readonly PrintJobView[]; error: string | null } {
  const api = useApi();
  const refreshKey = useEventRefreshKey(PRINTER_EVENTS);
  const load = useCallback(
    async () => (enabled ? api.call('printer.jobs', {}) : { ok: true as const, value: { jobs: [] } }),
    [api, enabled],
  );
  const { envelope } = useLoadedEnvelope(load, refreshKey);
  return {
    jobs: envelope?.ok ? envelope.value.jobs : NO_JOBS,
    error: envelope && !envelope.ok ? envelope.error.message : null,
  };
}

export type PrinterTone = 'ok' | 'warning' | 'down' | 'idle';

/** Colour family of the printer's state (always shown with its words too). */
export function printerTone(state: PrinterStateView, paperNearEnd: boolean): PrinterTone {
  if (state === 'online') return paperNearEnd ? 'warning' : 'ok';
  if (state === 'unknown' || state === 'none') return 'idle';
  return 'down';
}
