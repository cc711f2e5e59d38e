/**
 * The control API, under `/__sandbox/` (no key, no faults, not rate-limited, not logged): what tests and the demo
 * mode use to see the bookings with their tokens, create some and move them through their lifecycle, reset the
 * data, move the clock, inject faults, set the rate limit, run traffic, and read counters and the request log.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxRuntime } from '../runtime';
import { registerBookingControl } from './bookings';
import { registerPlatformControl } from './platform';

export { CONTROL_PREFIX } from './common';

export function registerControlRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  registerBookingControl(app, rt);
  registerPlatformControl(app, rt);
}
