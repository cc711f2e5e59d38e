/** The running sandbox's mutable state, shared by every route: clock, key, data, faults and counters. */
import { FaultController } from './faults';
import { Rng } from './prng';
import { seedSandbox } from './seed';
import { SandboxStore } from './state';
import { Stats } from './stats';
import { toSecond } from './time';

export class SandboxRuntime {
  store: SandboxStore;
  seed: number;
  /** Draws of the control API (new bookings), restarted on reset so runs replay identically. */
  rng: Rng;
  readonly faults = new FaultController();
  readonly stats = new Stats();

  constructor(
    readonly apiKey: string,
    private readonly clock: () => Date,
    seed: number,
  ) {
    this.seed = seed;
    this.store = new SandboxStore(seedSandbox(seed, this.nowMs()));
    this.rng = new Rng(seed ^ 0x5eed);
  }

  /** The clock, to the second (the platform stores no fractions). */
  nowMs(): number {
    return toSecond(this.clock().getTime());
  }

  /** Re-seeds (same seed and clock ⇒ same data) and forgets faults and counters. */
  reset(seed = this.seed): void {
    this.seed = seed;
    this.store = new SandboxStore(seedSandbox(seed, this.nowMs()));
    this.rng = new Rng(seed ^ 0x5eed);
    this.faults.clear();
    this.stats.clear();
  }
}
