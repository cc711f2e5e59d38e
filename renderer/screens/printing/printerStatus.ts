/** The printer as every screen sees it: its status and jobs, kept current by `printer.changed`, and its colour. */
import { useCallback } from 'react';
import type {
  EventName,
  EventPayload,
  PrintJobView,
  PrinterStateView,
  PrinterStatusView,
} from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope, usePushedValue } from '../../hooks/coreData';

const PRINTER_EVENTS: readonly EventName[] = ['printer.changed'];
const NO_JOBS: readonly PrintJobView[] = [];

/** The status without the job the event names. */
const statusOfEvent = ({ jobId: _job, ...status }: EventPayload<'printer.changed'>): PrinterStatusView => status;

/** The printer's last known status, pushed whole by `printer.changed` (a busy queue costs the screen no call). */
export function usePrinterStatus(): { status: PrinterStatusView | null } {
  const api = useApi();
  const load = useCallback(() => api.call('printer.status', {}), [api]);
  return { status: usePushedValue('printer.changed', statusOfEvent, load).value };
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
