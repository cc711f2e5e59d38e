/**
 * The running sandbox's mutable state, shared by every route: clock, key, data, faults, rate limit, counters,
 * request log and traffic.
 */
import { SandboxClock } from './clock';
import { FaultController } from './faults';
import { Rng } from './prng';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './ratelimit';
import { RequestLog } from './requestlog';
import { seedSandbox } from './seed';
import { seedProgramme, type ProgrammeSize } from './seedProgramme';
import { SandboxStore } from './state';
import { Stats } from './stats';
import { toSecond } from './time';
import { Traffic } from './traffic';

export interface RuntimeOptions {
  apiKey: string;
  /** The base clock; the control API adds an offset to it. */
  now: () => Date;
  seed: number;
  /** Requests per rolling minute, or null for no limit. */
  rateLimitPerMinute?: number | null;
  /** Whether the booking listing takes `venueId` (the 2026 platform, default) or only `offerId` (the one before). */
  venueListing?: boolean;
  /** A programme of that size instead of the seeded art-house week (seedProgramme.ts). */
  programme?: ProgrammeSize;
}

export class SandboxRuntime {
  readonly apiKey: string;
  store: SandboxStore;
  seed: number;
  /** Draws of the control API (new bookings), restarted on reset so runs replay identically. */
  rng: Rng;
  readonly clock: SandboxClock;
  readonly faults: FaultController;
  readonly limiter: RateLimiter;
  readonly stats = new Stats();
  readonly log = new RequestLog();
  readonly traffic: Traffic;
  /** `GET …/bookings?venueId=` is understood (2026 document), or refused with a 400 as before January 2026. */
  venueListing: boolean;
  private readonly initialRateLimit: number | null;
  private readonly initialVenueListing: boolean;
  private readonly programme: ProgrammeSize | null;

  constructor(options: RuntimeOptions) {
    this.apiKey = options.apiKey;
    this.seed = options.seed;
    this.clock = new SandboxClock(options.now);
    this.programme = options.programme ?? null;
    this.store = new SandboxStore(this.seedData(this.seed));
    this.rng = new Rng(this.seed ^ 0x5eed);
    this.faults = new FaultController(this.seed);
    this.initialRateLimit = options.rateLimitPerMinute === undefined ? DEFAULT_RATE_LIMIT : options.rateLimitPerMinute;
    this.limiter = new RateLimiter(this.initialRateLimit);
    this.initialVenueListing = options.venueListing ?? true;
    this.venueListing = this.initialVenueListing;
    this.traffic = new Traffic(this);
  }

  /** The clock, to the second (the platform stores no fractions). */
  nowMs(): number {
    return toSecond(this.clock.nowMs());
  }

  /** Back to how the sandbox started (same seed and clock ⇒ same data), or re-seeded with another seed. */
  reset(seed = this.seed): void {
    this.seed = seed;
    this.clock.reset();
    this.store = new SandboxStore(this.seedData(seed));
    this.rng = new Rng(seed ^ 0x5eed);
    this.faults.reseed(seed);
    this.limiter.clear();
    this.limiter.limit = this.initialRateLimit;
    this.venueListing = this.initialVenueListing;
    this.stats.clear();
    this.log.clear();
    this.traffic.reset(seed);
  }

  private seedData(seed: number) {
    return this.programme ? seedProgramme(seed, this.nowMs(), this.programme) : seedSandbox(seed, this.nowMs());
  }

  /** On close: nothing may keep the process alive or answer late. */
  shutdown(): void {
    this.traffic.stop();
    this.faults.shutdown();
  }
}
