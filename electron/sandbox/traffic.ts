/**
 * Traffic mode, for demos of the counter's mirror: while on, every interval a beneficiary books a séance (mostly in
 * the next two days, so valid at once; otherwise still in its cancellation window; sometimes DUO) and now and then
 * one cancels a booking still in its window, which frees its seats. Draws come from a PRNG seeded by the sandbox's
 * seed: the same ticks on the same data give the same bookings. The timer is unref'ed and stopped on close.
 */
import { createBookingSchema } from '../../shared/sandboxControl';
import { createBooking } from './create';
import { cancelOutside } from './lifecycle';
import { Rng } from './prng';
import type { SandboxRuntime } from './runtime';
import type { Booking, Stock } from './state';
import { HOUR, isoUtc } from './time';

export const DEFAULT_TRAFFIC_INTERVAL_MS = 20_000;

const SOON = 48 * HOUR;
const SOON_SHARE = 0.6;
const DUO_SHARE = 0.25;
const CANCEL_CHANCE = 0.3;

export interface TrafficTick {
  created: Booking | null;
  cancelled: Booking | null;
}

export interface TrafficStatus {
  enabled: boolean;
  intervalMs: number;
  ticks: number;
}

export class Traffic {
  private timer: NodeJS.Timeout | undefined;
  private intervalMs = DEFAULT_TRAFFIC_INTERVAL_MS;
  private ticks = 0;
  private rng: Rng;

  constructor(private readonly rt: SandboxRuntime) {
    this.rng = Traffic.rngFor(rt.seed);
  }

  private static rngFor(seed: number): Rng {
    return new Rng((seed ^ 0x7aff1c) >>> 0);
  }

  status(): TrafficStatus {
    return { enabled: this.timer !== undefined, intervalMs: this.intervalMs, ticks: this.ticks };
  }

  configure(enabled: boolean, intervalMs = this.intervalMs): TrafficStatus {
    this.stop();
    this.intervalMs = intervalMs;
    if (enabled) {
      this.timer = setInterval(() => {
        try {
          this.tick();
        } catch {
          // A demo nicety must never take the app down: stop instead of failing every interval.
          this.stop();
        }
      }, intervalMs);
      this.timer.unref();
    }
    return this.status();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Off, back to the default interval, draws restarted from `seed`. */
  reset(seed: number): void {
    this.stop();
    this.intervalMs = DEFAULT_TRAFFIC_INTERVAL_MS;
    this.ticks = 0;
    this.rng = Traffic.rngFor(seed);
  }

  /** One interval's worth of activity (the timer calls it; the control API too, for deterministic tests). */
  tick(): TrafficTick {
    const now = this.rt.nowMs();
    const created = this.book(now);
    const cancelled = this.rng.chance(CANCEL_CHANCE) ? this.cancelOne(now) : null;
    this.ticks += 1;
    return { created, cancelled };
  }

  private seatsLeft(stock: Stock): number {
    return stock.quantity - this.rt.store.bookedQuantity(stock.id);
  }

  private book(now: number): Booking | null {
    const store = this.rt.store;
    const open = store.data.stocks.filter((stock) => stock.bookingLimit > now && this.seatsLeft(stock) >= 1);
    if (open.length === 0) return null;
    const soon = open.filter((stock) => stock.beginning <= now + SOON);
    const stock = this.rng.pick(soon.length > 0 && this.rng.chance(SOON_SHARE) ? soon : open);
    const duo = store.event(stock.offerId)?.isDuo === true && this.seatsLeft(stock) >= 2 && this.rng.chance(DUO_SHARE);
    // Booked right now: confirmed at once for a séance within 48 h, otherwise still cancellable for a while.
    const input = createBookingSchema.parse({ stockId: stock.id, quantity: duo ? 2 : 1, creationDate: isoUtc(now) });
    const result = createBooking(this.rt, input, this.rng);
    return 'error' in result ? null : result;
  }

  private cancelOne(now: number): Booking | null {
    const cancellable = this.rt.store.data.bookings.filter((b) => b.status === 'CONFIRMED' && b.confirmationAt > now);
    if (cancellable.length === 0) return null;
    const booking = this.rng.pick(cancellable);
    return cancelOutside(booking, now, 'beneficiary') === null ? booking : null;
  }
}
