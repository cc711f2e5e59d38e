/**
 * Online/offline, by itself: a network error, a timeout or a 5xx switches to offline; any successful call switches
 * back. Nobody ever switches it by hand.
 *
 * Between calls, a heartbeat keeps the banner true even when nobody scans: `pingEveryMs` after the last successful
 * call, an unauthenticated `ping` (the platform's host answering anything below 500; no key, so no share of the
 * key's 200 requests a minute) — a failed ping means offline within a period plus the ping's timeout. Offline, the same ping runs
 * every period, and once the host answers, the authenticated `probe` confirms the API itself is back (its own
 * interval growing to 4 s while the host answers but the API does not), so the counter is back online within a few
 * seconds of the platform, however long the outage. Without a `ping`, the probe alone retries, 2 s then less often.
 */
import type { PlatformError } from '../platform/errors';

export interface ConnectivityOptions {
  now: () => string;
  /** A cheap authenticated request; resolves when the platform answers. */
  probe: () => Promise<void>;
  /** Unauthenticated reachability check of the platform's host (rejects on a network error, a timeout or a 5xx). */
  ping?: () => Promise<void>;
  /** Heartbeat period (default 2 s). */
  pingEveryMs?: number;
  onChange: () => void;
}

export function isOutage(error: PlatformError): boolean {
  return (
    error.code === 'platform_unreachable' ||
    error.code === 'platform_timeout' ||
    (error.code === 'platform_error' && (error.status === null || error.status >= 500))
  );
}

/** The probe's back-off when there is no ping to tell whether the host answers at all. */
const PROBE_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];
const DEFAULT_PING_EVERY_MS = 2_000;
/** The probe's back-off while the host answers pings but the API does not, in heartbeat periods (2 s, then 4 s). */
const PROBE_PERIODS_WHEN_HOST_ANSWERS = [1, 2];

export function createConnectivity(options: ConnectivityOptions) {
  const pingEveryMs = options.pingEveryMs ?? DEFAULT_PING_EVERY_MS;
  let online = true;
  let offlineSince: string | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let probeRound = 0;
  let stopped = false;
  /** Monotonic time of the last sign of life (a successful call, ping or probe). */
  let lastAnswerAt = performance.now();
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let lastProbeAt = Number.NEGATIVE_INFINITY;

  function scheduleProbe(): void {
    if (stopped || probeTimer || options.ping) return;
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
    lastAnswerAt = performance.now();
    probeRound = 0;
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    if (online) return;
    online = true;
    offlineSince = null;
    options.onChange();
  }

  function markOffline(): void {
    // Stopped: a ping or probe ended by the engine's close says nothing about the platform.
    if (!online || stopped) return;
    online = false;
    offlineSince = options.now();
    options.onChange();
    scheduleProbe();
  }

  /** One heartbeat: online, a ping when nothing answered for a period; offline, a ping, then the probe. */
  async function beat(ping: () => Promise<void>): Promise<void> {
    if (online) {
      if (performance.now() - lastAnswerAt < pingEveryMs) return;
      try {
        await ping();
        lastAnswerAt = performance.now();
      } catch {
        // A call that succeeded meanwhile proves the platform answers: a late ping failure must not contradict it.
        if (performance.now() - lastAnswerAt >= pingEveryMs) markOffline();
      }
      return;
    }
    try {
      await ping();
    } catch {
      probeRound = 0;
      return;
    }
    const periods = PROBE_PERIODS_WHEN_HOST_ANSWERS[Math.min(probeRound, PROBE_PERIODS_WHEN_HOST_ANSWERS.length - 1)]!;
    if (performance.now() - lastProbeAt < (periods - 0.5) * pingEveryMs) return;
    lastProbeAt = performance.now();
    probeRound++;
    await options.probe().then(markOnline, () => undefined);
  }

  /** Online, the next beat comes one period after the last answer (so a silence is noticed within a period). */
  function scheduleBeat(): void {
    const ping = options.ping;
    if (stopped || !ping) return;
    const sinceAnswer = performance.now() - lastAnswerAt;
    const delay = online ? Math.max(pingEveryMs / 10, pingEveryMs - sinceAnswer) : pingEveryMs;
    heartbeatTimer = setTimeout(() => {
      heartbeatTimer = null;
      void beat(ping).finally(scheduleBeat);
    }, delay);
    heartbeatTimer.unref();
  }
  scheduleBeat();

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
      if (heartbeatTimer) clearTimeout(heartbeatTimer);
    },
  };
}

export type Connectivity = ReturnType<typeof createConnectivity>;
