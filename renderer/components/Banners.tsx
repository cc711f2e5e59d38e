import { useCallback, useState } from 'react';
import type { EventName } from '../../shared/contract';
import { useTranslation } from '../i18n';
import { useAppInfo, useVenueTimeZone, useLinkState, useApi } from '../context/coreContext';
import { formatClockOrDate, formatTimeAgo } from '../format/dates';
import { useEventRefreshKey, useLoadedEnvelope, useSyncStatus } from '../hooks/coreData';
import { useNow } from '../hooks/pageHooks';
import type { GroupedNotices } from '../notifications/useBookingNotifications';
import { usePrinterStatus, usePrintJobs } from '../screens/printing/printerStatus';
import '../screens/printing/printing.css';

interface StatusBannerProps {
  onOpenSync: () => void;
  /** New bookings held back during service (counts only), shown as one discreet button. */
  serviceNotices?: GroupedNotices | null;
  onOpenBookings?: () => void;
}

/**
 * Always on screen, in one thin line: demo mode, online or offline (switched by the engine, never by hand), the last
 * successful sync, the validations waiting to be sent and the conflicts to settle (a click opens Synchronisation).
 */
export function StatusBanner({ onOpenSync, serviceNotices, onOpenBookings }: StatusBannerProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const demo = info.mode === 'demo' && <DemoBanner />;
  const { status, error } = useSyncStatus();

  if (!status) {
    return (
      <div className="status-banner status-banner--unknown" data-testid="status-banner">
        {demo}
        <span className="status-banner__mode">
          {error ? t('status_banner.unavailable') : t('status_banner.loading')}
        </span>
        {error && <span className="status-banner__detail">{error.message}</span>}
      </div>
    );
  }

  const { online, offlineSince, lastSyncAt, pendingUploads, conflicts } = status;
  return (
    <div
      className={online ? 'status-banner status-banner--online' : 'status-banner status-banner--offline'}
      data-testid="status-banner"
      data-online={String(online)}
    >
      {demo}
      <span className="status-banner__mode" role="status" data-testid="connectivity">
        <span className="status-banner__dot" aria-hidden="true" />
        {online
          ? t('status_banner.online')
          : offlineSince
            ? t('status_banner.offline_since', { time: formatClockOrDate(offlineSince, now, timeZone) })
            : t('status_banner.offline')}
      </span>
      {!online && <span className="status-banner__detail">{t('status_banner.offline_hint')}</span>}
      <span className="status-banner__item" data-testid="last-sync">
        {lastSyncAt
          ? t('status_banner.last_sync', { when: formatTimeAgo(lastSyncAt, now, timeZone) })
          : t('status_banner.never_synced')}
      </span>
      <span
        className={pendingUploads > 0 ? 'status-banner__item status-banner__item--pending' : 'status-banner__item'}
        data-testid="pending-count"
        data-count={pendingUploads}
      >
        {t('status_banner.pending', { count: pendingUploads })}
      </span>
      {serviceNotices && (serviceNotices.added > 0 || serviceNotices.cancelled > 0) && (
        <button
          type="button"
          className="status-banner__notices"
          data-testid="service-notices"
          title={t('notifications.grouped_open')}
          onClick={onOpenBookings}
        >
          {[
            serviceNotices.added > 0 && t('notifications.grouped_added', { count: serviceNotices.added }),
            serviceNotices.cancelled > 0 && t('notifications.grouped_cancelled', { count: serviceNotices.cancelled }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </button>
      )}
      <button
        type="button"
        className={
          conflicts > 0 ? 'status-banner__conflicts status-banner__conflicts--some' : 'status-banner__conflicts'
        }
        data-testid="conflict-count"
        data-count={conflicts}
        onClick={onOpenSync}
      >
        {conflicts > 0 ? t('status_banner.conflicts', { count: conflicts }) : t('status_banner.no_conflict')}
      </button>
    </div>
  );
}

/** Demo mode, said on every screen in one badge (the full sentence for screen readers and on hover). */
function DemoBanner() {
  const { t } = useTranslation('ui');
  return (
    <p className="demo-banner" data-testid="demo-banner" role="note" title={t('demo_banner.text')}>
      <span className="demo-banner__pill" aria-hidden="true">
        {t('demo_banner.pill')}
      </span>
      <span className="demo-banner__short" aria-hidden="true">
        {t('demo_banner.short')}
      </span>
      <span className="visually-hidden">{t('demo_banner.text')}</span>
    </p>
  );
}

/** The disk is full: validations cannot be recorded until space returns (the engine says when it does). */
export function DiskFullBanner() {
  const { t } = useTranslation('ui');
  const { status } = useSyncStatus();
  if (!status?.diskFull) return null;
  return (
    <div className="link-banner disk-full-banner" role="alert" data-testid="disk-full">
      {t('disk.full_banner')}
    </div>
  );
}

/** Browser mode only: the WebSocket to the engine dropped (or the page has no session). */
export function LinkLostBanner() {
  const { t } = useTranslation('ui');
  const { status } = useLinkState();
  if (status !== 'lost' && status !== 'no_session') return null;
  return (
    <div className="link-banner" role="alert" data-testid="link-lost">
      {status === 'lost' ? t('link.lost_banner') : t('link.no_session')}
    </div>
  );
}

/**
 * A slip did not print: says which and why, with a one-click reprint. The validation itself is recorded either
 * way; this only concerns the paper. Shown on every screen until the job prints or is given up.
 */
export function PrintFailureAlert({ onOpenQueue }: { onOpenQueue: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const { status } = usePrinterStatus();
  const failedJobs = status?.failedJobs ?? 0;
  const { jobs } = usePrintJobs(failedJobs > 0);
  const [retrying, setRetrying] = useState<number | null>(null);
  const failed = jobs.filter((job) => job.status === 'failed');
  const newest = failed[0];
  if (failedJobs === 0 || !newest) return null;

  async function retry(jobId: number): Promise<void> {
    setRetrying(jobId);
    try {
      await api.call('printer.retry', { jobId });
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div className="print-alert" role="alert" data-testid="print-alert" data-job={newest.id}>
      <p className="print-alert__text">
        <strong>{t('printing.alert.failed', { summary: newest.summary })}</strong>
        <span className="print-alert__reason" data-testid="print-alert-reason">
          {newest.failure}
          {failed.length > 1 && ` — ${t('printing.alert.more', { count: failed.length - 1 })}`}
        </span>
      </p>
      <div className="print-alert__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="print-alert-retry"
          disabled={retrying === newest.id}
          onClick={() => void retry(newest.id)}
        >
          {t('printing.alert.retry')}
        </button>
        <button type="button" className="button button--secondary" onClick={onOpenQueue}>
          {t('printing.alert.open_queue')}
        </button>
      </div>
    </div>
  );
}

const LAN_EVENTS: readonly EventName[] = ['lan.changed'];

/**
 * A secondary counter's mode, on every screen (issue 14). Main counter unreachable: the counter works alone from its
 * replica (autonomous mode) and the cashier must know the risk it carries; revoked: nothing can be validated here.
 * Back in touch with validations still to hand over: how many are left.
 */
export function MainCounterBanner() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const load = useCallback(() => api.call('lan.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, useEventRefreshKey(LAN_EVENTS));
  const secondary = envelope?.ok ? envelope.value.secondary : null;
  if (!secondary) return null;
  const name = secondary.mainName;
  if (secondary.mode === 'connected') {
    if (secondary.waiting === 0) return null;
    return (
      <div className="link-banner" role="status" data-testid="handing-over">
        {t('lan.handing_over', { name, count: secondary.waiting })}
      </div>
    );
  }
  const since = secondary.autonomousSince ?? secondary.lastContactAt;
  const time = since ? formatClockOrDate(since, now, timeZone) : null;
  return (
    <div className="link-banner" role="alert" data-testid="main-unreachable" data-mode={secondary.mode}>
      {secondary.mode === 'revoked'
        ? t('lan.revoked', { name })
        : time
          ? t('lan.autonomous_since', { name, time })
          : t('lan.autonomous', { name })}
      {secondary.mode === 'autonomous' && secondary.waiting > 0 && (
        <> {t('lan.waiting', { count: secondary.waiting })}</>
      )}
    </div>
  );
}
