/**
 * The engine's way to pass Culture: one client on its own connection pool, the key's rate budget, the gateway every
 * platform call goes through, and connectivity (online or not), which probes through that same gateway. `closing`
 * stops it all at once; `closeConnections` then closes the pool's sockets.
 */
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import { createPlatformClient } from './platform/client';
import { createPlatformDispatcher } from './platform/roundTrip';
import { createGateway } from './platform/gateway';
import { createRateBudget } from './platform/rateBudget';
import { createConnectivity, type Connectivity } from './sync/connectivity';
import { createPing } from './sync/reachability';
import type { CoreDeps } from './types';

export interface PlatformAccessOptions {
  deps: CoreDeps;
  now: () => string;
  logger: Logger;
  /** Online or offline changed (`online`: whether it is online now). */
  onConnectivityChange: (online: boolean) => void;
}

export function createPlatformAccess({ deps, now, logger, onConnectivityChange }: PlatformAccessOptions) {
  // Aborted first thing on close: queued and in-flight platform calls end at once, so stopping never waits on them.
  const closing = new AbortController();
  // Every request in flight listens to it (platform/http.ts): a storm of scans is not a leak.
  setMaxListeners(0, closing.signal);
  // This engine's own keep-alive connections: closed with it, so an engine stopped (an account change, a test)
  // leaves no socket open behind it.
  const dispatcher = createPlatformDispatcher();
  const client = createPlatformClient({
    baseUrl: deps.platform.baseUrl,
    apiKey: deps.platform.apiKey,
    timeoutMs: deps.lookupTimeoutMs ?? 3000,
    logger,
    signal: closing.signal,
    dispatcher,
    fetch: deps.platform.fetch,
  });
  const budget = createRateBudget({ limitPerMinute: deps.rateLimitPerMinute, backgroundShare: deps.backgroundShare });
  // The gateway and connectivity refer to each other (a probe is a platform call): resolved lazily.
  let connectivity: Connectivity | null = null;
  const gateway = createGateway(client, budget, () => connectivity!);
  connectivity = createConnectivity({
    now,
    probe: async () => {
      await gateway('cashier', (c, time) => c.getOffererVenues({ timeoutMs: time.timeoutMs() }), { deadlineMs: 3000 });
    },
    // Between calls, a key-free check of the host keeps the banner true when nobody scans.
    ping: createPing(deps.platform.baseUrl, dispatcher),
    onChange: () => onConnectivityChange(connectivity?.isOnline() === true),
  });
  const connectivityOf = () => connectivity!;
  /** After `closing` has aborted what was in flight: sockets closed at once, nothing waited for. */
  const closeConnections = () => dispatcher.destroy();
  return { closing, closeConnections, budget, gateway, connectivity: connectivityOf };
}

export type PlatformAccess = ReturnType<typeof createPlatformAccess>;
