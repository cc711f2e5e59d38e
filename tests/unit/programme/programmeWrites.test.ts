/**
 * The manager's programme actions through the real core and client against the sandbox platform: seats, closing
 * and reopening pass Culture sales, (de)activation, publishing a film with a séance, and refusals explained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditableOffer, EditableSeance, Envelope } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { pngHeader } from './images';

let counter: CounterUnderTest;
beforeAll(async () => {
  counter = await startCounter();
  await counter.core.dispatch('sync.now', {});
});
afterAll(async () => {
  await counter?.close();
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const envelope = (await counter.core.dispatch(name, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

async function platformDate(offerId: number, stockId: number) {
  const response = await fetch(
    `${counter.sandbox.url}/public/offers/v1/events/${offerId}/dates?firstIndex=${stockId}&limit=1`,
    { headers: { authorization: `Bearer ${counter.sandbox.apiKey}` } },
  );
  const { dates } = (await response.json()) as { dates: { id: number; quantity: number; bookedQuantity: number }[] };
  return dates[0];
}

/** A future séance of a seeded (imported) film with bookings and seats left. */
async function seededSeance(): Promise<{ offer: EditableOffer; seance: EditableSeance }> {
  for (const offerId of [101, 102, 103, 104]) {
    const offer = await ok<EditableOffer>('programme.offer', { offerId });
    const seance = offer.seances.find(
      (s) => Date.parse(s.start) > Date.now() && s.bookedQuantity > 0 && (s.available ?? 0) > 2 && !s.closedSales,
    );
    if (seance) return { offer, seance };
  }
  throw new Error('no seeded séance with bookings and seats left');
}

describe('seats at the counter', () => {
  it('sets the seats still available: the platform keeps the booked ones on top', async () => {
    const { offer, seance } = await seededSeance();
    const view = await ok<EditableSeance>('programme.seats.set', {
      offerId: offer.offerId,
      stockId: seance.stockId,
      available: 3,
    });
    expect(view.available).toBe(3);
    expect((await platformDate(offer.offerId, seance.stockId))?.quantity).toBe(seance.bookedQuantity + 3);
  });

  it('closes pass Culture sales (quantity = booked) and reopens with the availability it had', async () => {
    const { offer, seance } = await seededSeance();
    const ref = { offerId: offer.offerId, stockId: seance.stockId };
    const closed = await ok<EditableSeance>('programme.sales.close', ref);
    expect(closed.available).toBe(0);
    expect(closed.closedSales?.previousAvailable).toBe(seance.available);
    const atPlatform = await platformDate(offer.offerId, seance.stockId);
    expect(atPlatform?.quantity).toBe(atPlatform?.bookedQuantity);

    const reopened = await ok<EditableSeance>('programme.sales.reopen', ref);
    expect(reopened.available).toBe(seance.available);
    expect(reopened.closedSales).toBeNull();
    const reopen = (await counter.core.dispatch('programme.sales.reopen', ref)) as Envelope<unknown>;
    expect(reopen.ok === false && reopen.error.code).toBe('sales_not_closed');
  });
});

describe('films', () => {
  it('deactivates and reactivates an imported film, but refuses other edits with an explanation', async () => {
    const off = await ok<EditableOffer>('programme.offer.setActive', { offerId: 101, active: false });
    expect(off.isActive).toBe(false);
    expect(off.managed).toBe(false);
    expect((await ok<EditableOffer>('programme.offer.setActive', { offerId: 101, active: true })).isActive).toBe(true);
    const rename = (await counter.core.dispatch('programme.offer.update', {
      offerId: 101,
      name: 'Autre',
    })) as Envelope<unknown>;
    expect(rename.ok === false && rename.error.code).toBe('offer_not_editable');
    expect(rename.ok === false && rename.error.message).toMatch(/site pass Culture Pro ou importé/);
  });

  it('publishes a film with a poster and a séance typed in the venue time', async () => {
    const film = await ok<EditableOffer>('programme.offer.create', {
      name: 'Le Film du guichet',
      description: 'Publié depuis la caisse',
      durationMinutes: 95,
      isDuo: true,
      priceCategories: [{ label: 'Tarif unique', priceCents: 550 }],
      poster: { base64: Buffer.from(pngHeader(600, 900)).toString('base64') },
    });
    expect(film.managed).toBe(true);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const withSeance = await ok<EditableOffer>('programme.seance.add', {
      offerId: film.offerId,
      day,
      time: '20:30',
      priceCategoryId: film.priceCategories[0]?.id,
      seats: 40,
    });
    expect(withSeance.seances).toHaveLength(1);
    expect(withSeance.seances[0]?.available).toBe(40);
    const programme = await ok<{ offers: { offerId: number }[] }>('programme.list', { days: 7 });
    expect(programme.offers.map((o) => o.offerId)).toContain(film.offerId);

    const deleted = await ok<{ cancelledBookings: number; offer: EditableOffer }>('programme.seance.delete', {
      offerId: film.offerId,
      stockId: withSeance.seances[0]?.stockId,
    });
    expect(deleted.offer.seances).toHaveLength(0);
  });

  it('refuses a landscape poster before sending anything', async () => {
    const result = (await counter.core.dispatch('programme.offer.create', {
      name: 'Paysage',
      isDuo: false,
      priceCategories: [{ label: 'Tarif', priceCents: 500 }],
      poster: { base64: Buffer.from(pngHeader(900, 600)).toString('base64') },
    })) as Envelope<unknown>;
    expect(result.ok === false && result.error.code).toBe('poster_invalid');
  });
});
