/** Notifications stay silent for the first complete bookings sync, then announce what sync brings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { addSandboxBooking } from '../../support/sandboxControl';

let counter: CounterUnderTest;
const alerts: { added: { bookingId: number }[]; cancelled: { bookingId: number }[] }[] = [];
let changes = 0;
/** Events are delivered on the next turn of the event loop, after the answer of the call that caused them. */
const eventsDelivered = () => new Promise((resolve) => setImmediate(resolve));
beforeAll(async () => {
  counter = await startCounter();
  counter.core.onEvent((name: EventName, payload: unknown) => {
    if (name === 'bookings.alert') alerts.push(payload as (typeof alerts)[number]);
    if (name === 'bookings.changed') changes += 1;
  });
});
afterAll(async () => {
  await counter?.close();
});

describe('booking notifications', () => {
  it('say nothing about the bookings of the first complete sync', async () => {
    await counter.core.dispatch('sync.now', {});
    await eventsDelivered();
    expect(changes).toBeGreaterThan(0);
    expect(alerts).toEqual([]);
  });

  it('announce a booking made after it, and its cancellation', async () => {
    const booking = await addSandboxBooking(counter.sandbox.url, {});
    await counter.core.dispatch('sync.now', {});
    await eventsDelivered();
    expect(alerts.flatMap((a) => a.added.map((b) => b.bookingId))).toEqual([booking.id]);
  });
});
