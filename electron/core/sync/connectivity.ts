/**
 * Online/offline, by itself: a network error, a timeout or a 5xx switches to offline; a probe with a growing
 * interval brings it back; any successful call does too. Nobody ever switches it by hand.
 */
import type { PlatformError } from '../platform/errors';

export interface ConnectivityOptions {
  now: () => string;
  /** A cheap authenticated request; resolves when the platform answers. */
  probe: () => Promise<void>;
  onChange: () => void;
}

export function isOutage(error: PlatformError): boolean {
  return (
    error.code === 'platform_unreachable' ||
    error.code === 'platform_timeout' ||
    (error.code === 'platform_error' && (error.status === null || error.status >= 500))
  );
}

const PROBE_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

export function createConnectivity(options: ConnectivityOptions) {
  let online = true;
  let offlineSince: string | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let probeRound = 0;
  let stopped = false;

  function scheduleProbe(): void {
    if (stopped || probeTimer) return;
    const delay = PROBE_DELAYS_MS[Math.min(probeRound, PROBE_DELAYS_MS.length - 1)]!;
    probeRound++;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      options.probe().then(
        () => markOnline(),
        () => {
          if (!online) scheduleProbe();
        },
      );
    }, delay);
    probeTimer.unref();
  }

  function markOnline(): void {
    probeRound = 0;
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    if (online) return;
    online = true;
    offlineSince = null;
    options.onChange();
  }

  function markOffline(): void {
    if (!online) return;
    online = false;
    offlineSince = options.now();
    options.onChange();
    scheduleProbe();
  }

  return {
    isOnline: () => online,
    offlineSince: () => offlineSince,
    reportSuccess: markOnline,
    reportFailure(error: PlatformError): void {
      if (isOutage(error)) markOffline();
    },
    /** Probe now (e.g. "Synchroniser maintenant"). */
    probeNow(): Promise<boolean> {
      return options.probe().then(
        () => {
          markOnline();
          return true;
        },
        () => false,
      );
    },
    stop(): void {
      stopped = true;
      if (probeTimer) clearTimeout(probeTimer);
    },
  };
}

export type Connectivity = ReturnType<typeof createConnectivity>;
