/**
 * The manager's programme actions through the real core and client against the sandbox platform: seats, closing
 * and reopening pass Culture sales, (de)activation, publishing and editing a film, its tariffs and séances, and
 * refusals explained.
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

describe('tariffs of a film published here', () => {
  type Programme = { offers: { offerId: number; name: string }[]; seances: { stockId: number; priceCents: number }[] };
  const inThreeDays = () => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  async function publishedFilm(name: string): Promise<EditableOffer> {
    return ok<EditableOffer>('programme.offer.create', {
      name,
      isDuo: true,
      priceCategories: [{ label: 'Tarif unique', priceCents: 550 }],
    });
  }

  async function refusal(name: string, input: unknown) {
    const envelope = (await counter.core.dispatch(name, input)) as Envelope<unknown>;
    if (envelope.ok) throw new Error(`${name} was accepted`);
    return envelope.error;
  }

  /** A séance in three days at `time` (venue time), on that tariff. */
  const seanceOn = (offerId: number, priceCategoryId: number | undefined, time: string, seats: number | null = 10) =>
    ok<EditableOffer>('programme.seance.add', { offerId, day: inThreeDays(), time, priceCategoryId, seats });

  it('adds a tariff that a new séance can use at once, and that an existing séance can be put on', async () => {
    const film = await publishedFilm('Film aux deux tarifs');
    const first = await seanceOn(film.offerId, film.priceCategories[0]?.id, '15:00');
    const withTariff = await ok<EditableOffer>('programme.priceCategory.add', {
      offerId: film.offerId,
      label: ' Tarif réduit ',
      priceCents: 400,
    });
    const reduced = withTariff.priceCategories.find((pc) => pc.label === 'Tarif réduit');
    expect(reduced?.priceCents).toBe(400);
    const withSeance = await seanceOn(film.offerId, reduced?.id, '18:00');
    expect(withSeance.seances[1]).toMatchObject({ priceCategoryLabel: 'Tarif réduit', priceCents: 400 });
    const moved = await ok<EditableOffer>('programme.seance.update', {
      offerId: film.offerId,
      stockId: first.seances[0]?.stockId,
      priceCategoryId: reduced?.id,
    });
    expect(moved.seances.map((s) => s.priceCategoryLabel)).toEqual(['Tarif réduit', 'Tarif réduit']);
  });

  it('changes a tariff: its séances show the new price and label, here and in the programme', async () => {
    const film = await publishedFilm('Film au prix changé');
    const tariff = film.priceCategories[0];
    const seance = (await seanceOn(film.offerId, tariff?.id, '21:00', null)).seances[0];
    const changed = await ok<EditableOffer>('programme.priceCategory.update', {
      offerId: film.offerId,
      priceCategoryId: tariff?.id,
      label: 'Plein tarif',
      priceCents: 700,
    });
    expect(changed.priceCategories).toEqual([{ id: tariff?.id, label: 'Plein tarif', priceCents: 700 }]);
    expect(changed.seances[0]).toMatchObject({ priceCategoryLabel: 'Plein tarif', priceCents: 700 });
    const programme = await ok<Programme>('programme.list', { days: 7 });
    expect(programme.seances.find((s) => s.stockId === seance?.stockId)?.priceCents).toBe(700);
  });

  it('refuses, in French, a label the film already has (case and accents aside) before asking the platform', async () => {
    const film = await publishedFilm('Film sans doublon');
    const sentBefore = await tariffRequests();
    const added = await refusal('programme.priceCategory.add', {
      offerId: film.offerId,
      label: 'TARIF  UNIQUE',
      priceCents: 800,
    });
    expect(added.code).toBe('price_category_duplicate');
    expect(added.message).toBe('Ce film a déjà un tarif « Tarif unique » : choisissez un autre nom.');
    const second = await ok<EditableOffer>('programme.priceCategory.add', {
      offerId: film.offerId,
      label: 'Tarif réduit',
      priceCents: 400,
    });
    const renamed = await refusal('programme.priceCategory.update', {
      offerId: film.offerId,
      priceCategoryId: second.priceCategories.find((pc) => pc.label === 'Tarif réduit')?.id,
      label: 'Tarif Unique',
    });
    expect(renamed.code).toBe('price_category_duplicate');
    expect(await tariffRequests()).toBe(sentBefore + 1);
  });

  it('refuses an empty label, a price over 300 € and a change of nothing, before asking the platform', async () => {
    const film = await publishedFilm('Film aux tarifs vérifiés');
    const pc = film.priceCategories[0]?.id;
    const add = (label: string, priceCents: number) =>
      refusal('programme.priceCategory.add', { offerId: film.offerId, label, priceCents });
    expect((await add('   ', 500)).code).toBe('invalid_input');
    expect((await add('Cher', 30_001)).code).toBe('invalid_input');
    expect((await add('Négatif', -1)).code).toBe('invalid_input');
    const nothing = await refusal('programme.priceCategory.update', { offerId: film.offerId, priceCategoryId: pc });
    expect(nothing.code).toBe('invalid_input');
  });

  it('refuses tariff changes on an imported film, with the explanation', async () => {
    const imported = await ok<EditableOffer>('programme.offer', { offerId: 101 });
    const add = await refusal('programme.priceCategory.add', { offerId: 101, label: 'Nouveau', priceCents: 500 });
    expect(add.code).toBe('offer_not_editable');
    expect(add.message).toMatch(/site pass Culture Pro ou importé/);
    const update = await refusal('programme.priceCategory.update', {
      offerId: 101,
      priceCategoryId: imported.priceCategories[0]?.id,
      priceCents: 500,
    });
    expect(update.code).toBe('offer_not_editable');
  });

  it('explains why a tariff used by a séance that has begun can no longer change', async () => {
    const film = await publishedFilm('Film déjà projeté');
    const tariff = film.priceCategories[0];
    await seanceOn(film.offerId, tariff?.id, '14:00', 5);
    await sandboxClock({ advanceMs: 5 * 86_400_000 });
    try {
      const refused = await refusal('programme.priceCategory.update', {
        offerId: film.offerId,
        priceCategoryId: tariff?.id,
        priceCents: 600,
      });
      expect(refused.code).toBe('platform_refused');
      expect(refused.message).toMatch(/ajoutez un nouveau tarif/);
    } finally {
      await sandboxClock({ now: new Date().toISOString() });
    }
  });

  it('edits a film’s own fields; the programme shows its new name', async () => {
    const film = await publishedFilm('Titre provisoire');
    await seanceOn(film.offerId, film.priceCategories[0]?.id, '16:00', 8);
    const edited = await ok<EditableOffer>('programme.offer.update', {
      offerId: film.offerId,
      name: 'Titre définitif',
      description: 'Une histoire de guichet',
      durationMinutes: 104,
      isDuo: false,
    });
    expect(edited).toMatchObject({
      name: 'Titre définitif',
      description: 'Une histoire de guichet',
      durationMinutes: 104,
      isDuo: false,
    });
    const programme = await ok<Programme>('programme.list', { days: 7 });
    expect(programme.offers.find((o) => o.offerId === film.offerId)?.name).toBe('Titre définitif');
  });
});

/** Tariff writes the sandbox received so far (its request log). */
async function tariffRequests(): Promise<number> {
  const response = await fetch(`${counter.sandbox.url}/__sandbox/requests?since=0`);
  const { requests } = (await response.json()) as { requests: { method: string; path: string }[] };
  return requests.filter((r) => r.method !== 'GET' && r.path.includes('/price_categories')).length;
}

async function sandboxClock(body: { advanceMs: number } | { now: string }): Promise<void> {
  const response = await fetch(`${counter.sandbox.url}/__sandbox/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`clock: ${response.status}`);
}
