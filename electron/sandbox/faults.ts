/**
 * Faults injected on the pass Culture paths (never on `/__sandbox/`), to rehearse a bad network and a struggling
 * platform:
 * - `latencyMs`, `latencyJitterMs`: every answer waits latencyMs plus a random 0..latencyJitterMs first;
 * - `outage`: 'reset' destroys the socket without answering, 'hang' never answers (until the outage is changed,
 *   the faults are cleared or the sandbox closes), 'http503' answers 503 with a proxy's HTML page;
 * - `resetRate` (0..1): that share of requests have their connection reset;
 * - `rateLimitBurst`: the next N requests (with the key) answer 429, as the platform's limit does;
 * - `errorRate` (0..1): that share of requests answer 500 (the platform's JSON), 502 or 503 (a proxy's HTML);
 * - `malformed`: GET routes answer 200 with a truncated, invalid JSON body.
 * The random draws come from a PRNG seeded by the sandbox's seed and restarted on every change of the faults,
 * four draws per request whatever is on: the same requests in the same order always meet the same faults.
 */
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Faults } from '../../shared/sandboxControl';
import { Rng } from './prng';
import { answerTooManyRequests } from './ratelimit';

export { faultsPatchSchema, faultsSchema, type Faults } from '../../shared/sandboxControl';

/** Why a request went no further, as the request log shows it. */
export type FaultLabel = 'dropped' | 'closing' | 'reset' | 'hang' | 'http503' | 'rate_limit_burst' | 'error';

const NO_FAULTS: Faults = {
  latencyMs: 0,
  outage: false,
  malformed: false,
  errorRate: 0,
  resetRate: 0,
  rateLimitBurst: 0,
  latencyJitterMs: 0,
};

const proxyPage = (title: string) =>
  `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
const HTML_503 = proxyPage('503 Service Temporarily Unavailable');
const HTML_502 = proxyPage('502 Bad Gateway');
/** The platform's own answer to an unexpected exception (`internal_error` in pcapi's error handlers). */
const JSON_500 = { global: ['Il semble que nous ayons des problèmes techniques :( On répare ça au plus vite.'] };

/** Used when the real body is too short to cut in half meaningfully. */
const MALFORMED_FALLBACK = '{"id": 1, "quan';

interface Waiter {
  kind: 'sleep' | 'hang';
  socket: Socket;
  release(proceed: boolean): void;
}

/** One request's share of the PRNG, drawn on arrival. */
interface Draws {
  jitter: number;
  reset: number;
  error: number;
  errorKind: number;
}

export class FaultController {
  private current: Faults = { ...NO_FAULTS };
  private rng: Rng;
  private readonly waiters = new Set<Waiter>();
  private readonly draws = new WeakMap<FastifyRequest, Draws>();
  /** Requests a fault or the rate limit already answered: `malformed` leaves them alone. */
  private readonly answered = new WeakSet<FastifyRequest>();
  private closed = false;

  constructor(private seed: number) {
    this.rng = this.freshRng();
  }

  get(): Faults {
    return { ...this.current };
  }

  set(patch: Partial<Faults>): Faults {
    this.current = { ...this.current, ...patch };
    this.rng = this.freshRng();
    if (this.current.outage !== 'hang') this.releaseAll('hang', true);
    return this.get();
  }

  clear(): void {
    this.set(NO_FAULTS);
  }

  /** On reset: no faults, and draws from the (possibly new) seed. */
  reseed(seed: number): void {
    this.seed = seed;
    this.clear();
  }

  markAnswered(request: FastifyRequest): void {
    this.answered.add(request);
  }

  /**
   * onRequest, before authentication: network-level faults (latency, outage, resets), which never reach the
   * platform. Returns the fault that stopped the request, or null to carry on.
   */
  async beforePlatform(request: FastifyRequest, reply: FastifyReply): Promise<FaultLabel | null> {
    const draws: Draws = {
      jitter: this.rng.float(),
      reset: this.rng.float(),
      error: this.rng.float(),
      errorKind: this.rng.float(),
    };
    this.draws.set(request, draws);
    const delay = this.current.latencyMs + Math.floor(draws.jitter * (this.current.latencyJitterMs + 1));
    if (delay > 0 && !(await this.wait(request, 'sleep', delay))) {
      reply.hijack();
      return 'dropped';
    }
    const outage = await this.outage(request, reply);
    if (outage) return outage;
    if (draws.reset < this.current.resetRate) {
      reply.hijack();
      request.raw.socket.destroy();
      return 'reset';
    }
    return null;
  }

  /**
   * A request outside the API (e.g. a client checking that the host answers): an outage reaches it like any other,
   * but it takes no random draw, so the API's seeded faults stay the same whatever else is asked.
   */
  outside(request: FastifyRequest, reply: FastifyReply): Promise<FaultLabel | null> {
    return this.outage(request, reply);
  }

  private async outage(request: FastifyRequest, reply: FastifyReply): Promise<FaultLabel | null> {
    for (;;) {
      if (this.closed) {
        reply.hijack();
        request.raw.socket.destroy();
        return 'closing';
      }
      const outage = this.current.outage;
      if (outage === false) return null;
      if (outage === 'reset') {
        reply.hijack();
        request.raw.socket.destroy();
        return 'reset';
      }
      if (outage === 'http503') {
        this.answered.add(request);
        reply.code(503).type('text/html; charset=utf-8').send(HTML_503);
        return 'http503';
      }
      if (!(await this.wait(request, 'hang'))) {
        reply.hijack();
        return 'hang';
      }
      // Released: the outage changed, look again.
    }
  }

  /** onRequest, after authentication and the rate limit: the platform (or its proxy) failing to answer. */
  inPlatform(request: FastifyRequest, reply: FastifyReply): FaultLabel | null {
    if (this.current.rateLimitBurst > 0) {
      this.current.rateLimitBurst -= 1;
      this.answered.add(request);
      answerTooManyRequests(reply);
      return 'rate_limit_burst';
    }
    const draws = this.draws.get(request);
    if (draws && draws.error < this.current.errorRate) {
      this.answered.add(request);
      const kind = Math.floor(draws.errorKind * 3);
      if (kind === 0) reply.code(500).send(JSON_500);
      else
        reply
          .code(kind === 1 ? 502 : 503)
          .type('text/html; charset=utf-8')
          .send(kind === 1 ? HTML_502 : HTML_503);
      return 'error';
    }
    return null;
  }

  /** onSend: the `malformed` fault, on GET answers only. */
  transform(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    if (!this.current.malformed || request.method !== 'GET' || this.answered.has(request)) return payload;
    reply.code(200).header('content-type', 'application/json; charset=utf-8');
    const text = typeof payload === 'string' ? payload : '';
    // Any strict prefix of a JSON object or array is invalid JSON.
    return text.length >= 8 ? text.slice(0, Math.floor(text.length / 2)) : MALFORMED_FALLBACK;
  }

  /** On close: drops waiting requests' sockets so the server closes promptly. */
  shutdown(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) {
      waiter.socket.destroy();
      waiter.release(false);
    }
  }

  private freshRng(): Rng {
    return new Rng((this.seed ^ 0xfa0175) >>> 0);
  }

  /** Resolves true to carry on, false when the client went away or the sandbox is closing. */
  private wait(request: FastifyRequest, kind: Waiter['kind'], ms = 0): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = request.raw.socket;
      let timer: NodeJS.Timeout | undefined;
      const onClose = () => waiter.release(false);
      const waiter: Waiter = {
        kind,
        socket,
        release: (proceed) => {
          if (timer) clearTimeout(timer);
          socket.off('close', onClose);
          if (this.waiters.delete(waiter)) resolve(proceed);
        },
      };
      this.waiters.add(waiter);
      socket.once('close', onClose);
      if (kind === 'sleep') timer = setTimeout(() => waiter.release(true), ms);
    });
  }

  private releaseAll(kind: Waiter['kind'], proceed: boolean): void {
    for (const waiter of [...this.waiters]) if (waiter.kind === kind) waiter.release(proceed);
  }
}
