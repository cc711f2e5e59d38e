/**
 * Faults injected on the pass Culture paths (never on `/__sandbox/`), to rehearse a bad network:
 * - `latencyMs`: every answer waits that long first;
 * - `outage`: 'reset' destroys the socket without answering, 'hang' never answers (until the outage is changed,
 *   the faults are cleared or the sandbox closes), 'http503' answers 503 with a proxy's HTML page;
 * - `malformed`: GET routes answer 200 with a truncated, invalid JSON body.
 */
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000),
  outage: z.union([z.literal(false), z.enum(['reset', 'hang', 'http503'])]),
  malformed: z.boolean(),
});
export type Faults = z.infer<typeof faultsSchema>;

/** POST /__sandbox/faults: only the fields to change. */
export const faultsPatchSchema = faultsSchema.partial().strict();

const NO_FAULTS: Faults = { latencyMs: 0, outage: false, malformed: false };

const HTML_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';

/** Used when the real body is too short to cut in half meaningfully. */
const MALFORMED_FALLBACK = '{"id": 1, "quan';

interface Waiter {
  kind: 'sleep' | 'hang';
  socket: Socket;
  release(proceed: boolean): void;
}

export class FaultController {
  private current: Faults = { ...NO_FAULTS };
  private readonly waiters = new Set<Waiter>();
  /** Requests a fault already answered: `malformed` leaves them alone. */
  private readonly answered = new WeakSet<FastifyRequest>();
  private closed = false;

  get(): Faults {
    return { ...this.current };
  }

  set(patch: Partial<Faults>): Faults {
    this.current = { ...this.current, ...patch };
    if (this.current.outage !== 'hang') this.releaseAll('hang', true);
    return this.get();
  }

  clear(): void {
    this.set(NO_FAULTS);
  }

  /** onRequest: applies latency and outage. True when the request must go no further. */
  async intercept(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (this.current.latencyMs > 0 && !(await this.wait(request, 'sleep', this.current.latencyMs))) {
      reply.hijack();
      return true;
    }
    for (;;) {
      if (this.closed) {
        reply.hijack();
        request.raw.socket.destroy();
        return true;
      }
      switch (this.current.outage) {
        case 'reset':
          reply.hijack();
          request.raw.socket.destroy();
          return true;
        case 'http503':
          this.answered.add(request);
          reply.code(503).type('text/html; charset=utf-8').send(HTML_503);
          return true;
        case 'hang':
          if (!(await this.wait(request, 'hang'))) {
            reply.hijack();
            return true;
          }
          continue; // released: the outage changed, look again
        case false:
          return false;
      }
    }
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
