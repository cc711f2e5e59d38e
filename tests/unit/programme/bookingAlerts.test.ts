/** Notifications stay silent for the first complete bookings sync, then announce what sync brings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ROWS, type EventName, type EventPayload } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { addSandboxBooking } from '../../support/sandboxControl';

let counter: CounterUnderTest;
const alerts: EventPayload<'bookings.alert'>[] = [];
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
    expect(alerts.at(-1)).toMatchObject({ addedCount: 1, cancelledCount: 0 });
  });

  it('after a long outage, count every booking but carry the rows of the first few only', async () => {
    alerts.length = 0;
    const made: number[] = [];
    for (let i = 0; i < ALERT_ROWS + 5; i++) made.push((await addSandboxBooking(counter.sandbox.url, {})).id);
    await counter.core.dispatch('sync.now', {});
    await eventsDelivered();
    expect(alerts.reduce((sum, a) => sum + a.addedCount, 0)).toBe(made.length);
    for (const alert of alerts) expect(alert.added.length).toBeLessThanOrEqual(ALERT_ROWS);
    const named = alerts.flatMap((a) => a.added.map((b) => b.bookingId));
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(made).toContain(id);
  });
});
