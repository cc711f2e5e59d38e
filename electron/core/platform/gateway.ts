/**
 * Every platform call goes through here: the rate budget (with the call's lane), and connectivity
 * bookkeeping from its outcome. A 429 pauses the budget.
 */
import type { Connectivity } from '../sync/connectivity';
import type { PlatformClient } from './client';
import { isPlatformError } from './errors';
import type { Lane, RateBudget } from './rateBudget';

export function createGateway(client: PlatformClient, budget: RateBudget, connectivity: () => Connectivity) {
  return async function call<T>(lane: Lane, request: (client: PlatformClient) => Promise<T>): Promise<T> {
    try {
      const result = await budget.schedule(lane, () => request(client));
      budget.succeeded();
      connectivity().reportSuccess();
      return result;
    } catch (error) {
      if (isPlatformError(error)) {
        if (error.code === 'rate_limited') budget.rateLimited();
        else connectivity().reportFailure(error);
        // Any HTTP answer proves the platform is reachable.
        if (error.status !== null && error.status < 500) connectivity().reportSuccess();
      }
      throw error;
    }
  };
}

export type Gateway = ReturnType<typeof createGateway>;
