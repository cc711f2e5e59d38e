/**
 * The sandbox's clock: a base clock (the injected `now`, or the real time) plus an offset the control API moves,
 * so tests and demos can reach a confirmation date or leave a rate-limit window without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  /** Milliseconds, not rounded: the rate-limit window and the request log need sub-second order. */
  nowMs(): number {
    return this.base().getTime() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves the clock so that it reads `ms` now; it keeps running with the base clock from there. */
  set(ms: number): void {
    this.offsetMs = ms - this.base().getTime();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
