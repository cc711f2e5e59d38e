/**
 * The platform's documented limit: 200 requests per rolling minute per API key, then 429 with no documented
 * body and no Retry-After. The sandbox has one key, hence one window. Only the requests it lets through count:
 * a client that keeps knocking while refused is back in as soon as its older requests leave the window.
 */
import type { FastifyReply } from 'fastify';

export const RATE_WINDOW_MS = 60_000;
export const DEFAULT_RATE_LIMIT = 200;

export class RateLimiter {
  private hits: number[] = [];

  /** `null`: no limit (benchmarks, long scripted runs). */
  constructor(public limit: number | null) {}

  /** Records the request and returns true, or returns false when the window is full. */
  tryAcquire(now: number): boolean {
    // A clock moved back leaves "future" hits behind: drop them too rather than block for that long.
    this.hits = this.hits.filter((t) => t > now - RATE_WINDOW_MS && t <= now);
    if (this.limit !== null && this.hits.length >= this.limit) return false;
    this.hits.push(now);
    return true;
  }

  clear(): void {
    this.hits = [];
  }
}

/** 429 as the platform documents it: no body, no Retry-After (clients must back off on their own). */
export function answerTooManyRequests(reply: FastifyReply): void {
  reply.code(429).send();
}
