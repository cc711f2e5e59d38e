/**
 * The sandbox platform's HTTP server: Fastify on 127.0.0.1, the pass Culture paths behind the injected faults, the
 * API key and the documented rate limit, every one of their requests logged; and the control API beside them.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { CONTROL_PREFIX, registerControlRoutes } from './control';
import { answerTooManyRequests } from './ratelimit';
import type { LoggedRequest } from './requestlog';
import { UNAUTHORIZED } from './rules';
import { registerBookingRoutes } from './routes/bookings';
import { registerOfferWriteRoutes } from './routes/offerWrites';
import { registerOfferRoutes } from './routes/offers';
import { registerPriceCategoryRoutes } from './routes/priceCategoryWrites';
import { SandboxRuntime } from './runtime';
import type { ProgrammeSize } from './seedProgramme';

export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed of the generated data (default 1). */
  seed?: number;
  /** The sandbox's clock, for the seed and every rule (default: the real time). */
  now?: () => Date;
  /** The key the pass Culture paths accept (default DEMO_API_KEY). */
  apiKey?: string;
  /** Requests per rolling minute before 429 (default 200, as documented); null: no limit (benchmarks). */
  rateLimitPerMinute?: number | null;
  /**
   * The booking listing as in the 2026 document (`venueId` or `offerId`, default), or, with false, as the platform
   * before January 2026: `offerId` required and `venueId` refused with a 400.
   */
  venueListing?: boolean;
  /** A programme of that size (films, séances a day, days, bookings) instead of the seeded art-house week. */
  programme?: ProgrammeSize;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** The demo key: shaped like a platform key (`{env}_{12 hex}_{64 hex}`), and the same on every run. */
export const DEMO_API_KEY = 'sandbox_f422711b6632_d98ea0a350dd9fa059cea2eddd4a676f1e401cd6249bf28e4eda0062f704486e';

const HOST = '127.0.0.1';

function isControlPath(url: string): boolean {
  return url === CONTROL_PREFIX || url.startsWith(`${CONTROL_PREFIX}/`) || url.startsWith(`${CONTROL_PREFIX}?`);
}

/** The platform's API; anything else (e.g. `HEAD /`, the counter's reachability check) is not counted nor logged. */
function isApiPath(url: string): boolean {
  return url.startsWith('/public/');
}

function authorized(header: string | undefined, apiKey: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] === apiKey;
}

/** The route's `:token`, upper-cased as the platform matches it. */
function tokenOf(request: FastifyRequest): string | null {
  const token = (request.params as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token.toUpperCase() : null;
}

export function buildServer(rt: SandboxRuntime): FastifyInstance {
  // forceCloseConnections: close() also drops sockets still waiting for an answer (latency, hang).
  // bodyLimit: a film's poster travels in base64 inside the JSON body (up to ~7 MB for a 5 MB file); Fastify's
  // default of 1 MiB would answer 413 to a real poster.
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 16 * 1024 * 1024 });

  // Like the platform, tolerate an empty body sent with `Content-Type: application/json` (PATCH use/keep/cancel).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });

  const logged = new WeakMap<FastifyRequest, LoggedRequest>();

  // Order: the network (faults that never reach the platform), then the platform's own gates (key, rate limit),
  // then the platform failing (injected 429 bursts and 5xx).
  // The control API has no key (it lists tokens, resets data): like the browser-mode host, it answers only requests
  // made to this loopback address (no DNS rebinding) and, from a browser, only from its own origin (no cross-site).
  app.addHook('onRequest', async (request, reply) => {
    if (!isControlPath(request.url)) return;
    const port = request.socket.localPort;
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      return reply.code(421).send({ error: 'misdirected', message: 'Requête refusée : adresse inattendue.' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return reply.code(403).send({ error: 'forbidden_origin', message: 'Requête refusée : origine inattendue.' });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (isControlPath(request.url)) return;
    if (!isApiPath(request.url)) {
      if (await rt.faults.outside(request, reply)) return reply;
      return;
    }
    const route = request.routeOptions.url;
    rt.stats.count(request.method, route);
    const entry = rt.log.start(
      { method: request.method, path: request.url, route: route ?? null, token: tokenOf(request) },
      rt.clock.nowMs(),
    );
    logged.set(request, entry);
    entry.fault = await rt.faults.beforePlatform(request, reply);
    if (entry.fault) return reply;
    if (!authorized(request.headers.authorization, rt.apiKey)) {
      return reply.code(UNAUTHORIZED.status).send(UNAUTHORIZED.body);
    }
    if (!rt.limiter.tryAcquire(rt.clock.nowMs())) {
      rt.faults.markAnswered(request);
      answerTooManyRequests(reply);
      return reply;
    }
    entry.fault = rt.faults.inPlatform(request, reply);
    if (entry.fault) return reply;
  });

  // The status is recorded as the platform decides it, even when the client has gone by then (a request released
  // from a hang still takes effect). Hijacked replies (reset, dropped) never get here: their status stays null.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isControlPath(request.url) || !isApiPath(request.url)) return payload;
    const out = rt.faults.transform(request, reply, payload);
    const entry = logged.get(request);
    if (entry) entry.status = reply.statusCode;
    if (reply.statusCode === 429) rt.stats.countRateLimited();
    return out;
  });

  registerBookingRoutes(app, rt);
  registerOfferRoutes(app, rt);
  registerOfferWriteRoutes(app, rt);
  registerPriceCategoryRoutes(app, rt);
  registerControlRoutes(app, rt);
  return app;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const limit = options.rateLimitPerMinute;
  if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && limit > 0)) {
    throw new Error(`rateLimitPerMinute must be a positive integer or null, not ${limit}`);
  }
  const rt = new SandboxRuntime({
    apiKey: options.apiKey ?? DEMO_API_KEY,
    now: options.now ?? (() => new Date()),
    seed: options.seed ?? 1,
    rateLimitPerMinute: limit,
    venueListing: options.venueListing,
    programme: options.programme,
  });
  const app = buildServer(rt);
  await app.listen({ host: HOST, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}`,
    apiKey: rt.apiKey,
    close() {
      closing ??= (async () => {
        rt.shutdown();
        await app.close();
      })();
      return closing;
    },
  };
}
