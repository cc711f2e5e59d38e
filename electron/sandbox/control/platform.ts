/**
 * The platform's conditions through the control API: reset, faults, rate limit, clock, traffic, and what the
 * counter sent (counters and the request log).
 */
import type { FastifyInstance } from 'fastify';
import {
  clockSchema,
  configSchema,
  faultsPatchSchema,
  requestsQuerySchema,
  resetSchema,
  statsQuerySchema,
  trafficSchema,
} from '../../../shared/sandboxControl';
import type { SandboxRuntime } from '../runtime';
import { isoUtc } from '../time';
import { CONTROL_PREFIX, controlView, parseInput } from './common';

export function registerPlatformControl(app: FastifyInstance, rt: SandboxRuntime): void {
  const prefix = CONTROL_PREFIX;

  app.post(`${prefix}/reset`, async (request, reply) => {
    const input = parseInput(resetSchema, request.body, reply);
    if (!input) return reply;
    rt.reset(input.seed);
    return { seed: rt.seed, bookings: rt.store.data.bookings.length };
  });

  app.get(`${prefix}/faults`, async () => rt.faults.get());

  app.post(`${prefix}/faults`, async (request, reply) => {
    const patch = parseInput(faultsPatchSchema, request.body, reply);
    if (!patch) return reply;
    return rt.faults.set(patch);
  });

  app.delete(`${prefix}/faults`, async () => {
    rt.faults.clear();
    return rt.faults.get();
  });

  const config = () => ({ rateLimitPerMinute: rt.limiter.limit, venueListing: rt.venueListing });
  app.get(`${prefix}/config`, async () => config());

  app.post(`${prefix}/config`, async (request, reply) => {
    const input = parseInput(configSchema, request.body, reply);
    if (!input) return reply;
    if (input.rateLimitPerMinute !== undefined) rt.limiter.limit = input.rateLimitPerMinute;
    if (input.venueListing !== undefined) rt.venueListing = input.venueListing;
    return config();
  });

  const clock = () => ({ now: isoUtc(rt.nowMs()), offsetMs: rt.clock.offset });
  app.get(`${prefix}/clock`, async () => clock());

  app.post(`${prefix}/clock`, async (request, reply) => {
    const input = parseInput(clockSchema, request.body, reply);
    if (!input) return reply;
    if (input.advanceMs !== undefined) rt.clock.advance(input.advanceMs);
    if (input.now !== undefined) rt.clock.set(Date.parse(input.now));
    return clock();
  });

  app.get(`${prefix}/stats`, async (request, reply) => {
    const query = parseInput(statsQuerySchema, request.query, reply);
    if (!query) return reply;
    const window =
      query.windowMs === undefined ? {} : { windowMs: query.windowMs, maxInWindow: rt.log.maxInWindow(query.windowMs) };
    return { ...rt.stats.snapshot(), perMinute: rt.log.inLastMinute(rt.clock.nowMs()), ...window };
  });

  app.get(`${prefix}/requests`, async (request, reply) => {
    const query = parseInput(requestsQuerySchema, request.query, reply);
    if (!query) return reply;
    const requests = rt.log.since(query.since).map(({ at: _at, ...entry }) => entry);
    return { requests, lastSeq: rt.log.seq };
  });

  app.get(`${prefix}/traffic`, async () => rt.traffic.status());

  app.post(`${prefix}/traffic`, async (request, reply) => {
    const input = parseInput(trafficSchema, request.body, reply);
    if (!input) return reply;
    return rt.traffic.configure(input.enabled, input.intervalMs);
  });

  app.post(`${prefix}/traffic/tick`, async () => {
    const { created, cancelled } = rt.traffic.tick();
    const now = rt.nowMs();
    return {
      created: created && controlView(rt.store, created, now),
      cancelled: cancelled && controlView(rt.store, cancelled, now),
    };
  });
}
