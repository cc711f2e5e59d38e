/**
 * The sandbox platform's HTTP server: Fastify on 127.0.0.1, the pass Culture paths behind the API key and the
 * injected faults, and the control API beside them.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { CONTROL_PREFIX, registerControlRoutes } from './control';
import { UNAUTHORIZED } from './rules';
import { registerBookingRoutes } from './routes/bookings';
import { registerOfferRoutes } from './routes/offers';
import { SandboxRuntime } from './runtime';

export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed of the generated data (default 1). */
  seed?: number;
  /** The sandbox's clock, for the seed and every rule (default: the real time). */
  now?: () => Date;
  /** The key the pass Culture paths accept (default DEMO_API_KEY). */
  apiKey?: string;
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

function authorized(header: string | undefined, apiKey: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] === apiKey;
}

export function buildServer(rt: SandboxRuntime): FastifyInstance {
  // forceCloseConnections: close() also drops sockets still waiting for an answer (latency, hang).
  const app = Fastify({ logger: false, forceCloseConnections: true });

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

  app.addHook('onRequest', async (request, reply) => {
    if (isControlPath(request.url)) return;
    rt.stats.count(request.method, request.routeOptions.url);
    if (await rt.faults.intercept(request, reply)) return reply;
    if (!authorized(request.headers.authorization, rt.apiKey)) {
      return reply.code(UNAUTHORIZED.status).send(UNAUTHORIZED.body);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (isControlPath(request.url)) return payload;
    return rt.faults.transform(request, reply, payload);
  });

  registerBookingRoutes(app, rt);
  registerOfferRoutes(app, rt);
  registerControlRoutes(app, rt);
  return app;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const rt = new SandboxRuntime(options.apiKey ?? DEMO_API_KEY, options.now ?? (() => new Date()), options.seed ?? 1);
  const app = buildServer(rt);
  await app.listen({ host: HOST, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}`,
    apiKey: rt.apiKey,
    close() {
      closing ??= (async () => {
        rt.faults.shutdown();
        await app.close();
      })();
      return closing;
    },
  };
}
