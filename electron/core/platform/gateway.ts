/**
 * Every platform call goes through here: the rate budget (with the call's lane), and connectivity
 * bookkeeping from its outcome. A 429 pauses the budget.
 *
 * A call may have a deadline (a cashier waiting): it covers the wait in the budget's queue *and* the request, so
 * the request only gets the time left. Past the deadline in the queue, the call fails with `rate_limited`
 * (status null) and the caller answers from local data.
 */
import type { Connectivity } from '../sync/connectivity';
import type { PlatformClient } from './client';
import { isPlatformError } from './errors';
import { budgetExhausted, type Lane, type RateBudget } from './rateBudget';

/** What a request learns of its deadline when it leaves the queue. */
export interface CallTime {
  /** Milliseconds left before the deadline (capped by `ceilingMs`), or `ceilingMs` without a deadline. */
  timeoutMs(ceilingMs?: number): number | undefined;
}

export interface GatewayOptions {
  /** Total time allowed, queue + request, in ms (monotonic). */
  deadlineMs?: number;
  /** An absolute monotonic deadline (performance.now()), shared by several calls of one scan. */
  deadlineAt?: number;
}

/** Below this, a request has no chance to come back: the caller gets the local answer at once instead. */
const MIN_REQUEST_MS = 50;

export function createGateway(client: PlatformClient, budget: RateBudget, connectivity: () => Connectivity) {
  return async function call<T>(
    lane: Lane,
    request: (client: PlatformClient, time: CallTime) => Promise<T>,
    options: GatewayOptions = {},
  ): Promise<T> {
    const deadlineAt =
      options.deadlineAt ?? (options.deadlineMs === undefined ? undefined : performance.now() + options.deadlineMs);
    const left = () => (deadlineAt === undefined ? Infinity : deadlineAt - performance.now());
    let giveUp: NodeJS.Timeout | undefined;
    const controller = deadlineAt === undefined ? null : new AbortController();
    if (controller) {
      if (left() < MIN_REQUEST_MS) throw budgetExhausted();
      giveUp = setTimeout(() => controller.abort(), Math.max(0, left() - MIN_REQUEST_MS));
    }
    const time: CallTime = {
      timeoutMs: (ceilingMs) => {
        if (deadlineAt === undefined) return ceilingMs;
        const remaining = Math.max(1, Math.floor(left()));
        return ceilingMs === undefined ? remaining : Math.min(ceilingMs, remaining);
      },
    };
    try {
      const result = await budget.schedule(
        lane,
        () => {
          // Out of the queue: the request itself may no longer be abandoned by the queue's signal.
          clearTimeout(giveUp);
          return request(client, time);
        },
        controller ? { signal: controller.signal } : {},
      );
      budget.succeeded();
      connectivity().reportSuccess();
      return result;
    } catch (error) {
      if (isPlatformError(error)) {
        // Only the platform's own 429 pauses the budget; a caller giving up in the queue says nothing about it.
        if (error.code === 'rate_limited' && error.status === 429) budget.rateLimited();
        else connectivity().reportFailure(error);
        // Any HTTP answer proves the platform is reachable.
        if (error.status !== null && error.status < 500) connectivity().reportSuccess();
      }
      throw error;
    } finally {
      clearTimeout(giveUp);
    }
  };
}

export type Gateway = ReturnType<typeof createGateway>;
