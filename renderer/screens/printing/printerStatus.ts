/** The printer as every screen sees it: its status and jobs, kept current by `printer.changed`, and its colour. */
import { useCallback } from 'react';
import type { EventName, PrintJobView, PrinterStateView, PrinterStatusView } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';

const PRINTER_EVENTS: readonly EventName[] = ['printer.changed'];
const NO_JOBS: readonly PrintJobView[] = [];

/** The printer's last known status, kept current by `printer.changed`. */
export function usePrinterStatus(): { status: PrinterStatusView | null; retry: () => void } {
  const api = useApi();
  const refreshKey = useEventRefreshKey(PRINTER_EVENTS);
  const load = useCallback(() => api.call('printer.status', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(load, refreshKey);
  return { status: envelope?.ok ? envelope.value : null, retry };
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
