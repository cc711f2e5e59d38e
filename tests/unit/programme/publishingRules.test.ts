/**
 * Publishing films through the real core and client against the sandbox: what pass Culture would refuse is refused
 * here before anything is sent (a séance in the past, a duration of 24 h or more, a trailer that is not a public
 * YouTube video), what it still refuses is said in French naming the field, and a film is published with its
 * trailer, its category label and its first séances.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput, EditableOffer, Envelope } from '../../../shared/contract';
import { dayInZone } from '../../../shared/dates';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { advanceSandboxClock, sandboxRequests, setSandboxClock } from '../../support/sandboxControl';

let counter: CounterUnderTest;
beforeAll(async () => {
  counter = await startCounter();
  await counter.core.dispatch('sync.now', {});
});
afterAll(async () => {
  await counter?.close();
});

const PARIS = 'Europe/Paris';
const dayIn = (days: number) => dayInZone(new Date(Date.now() + days * 86_400_000).toISOString(), PARIS);
const french = (day: string) => day.split('-').reverse().join('/');

async function ok<T>(name: string, input: unknown): Promise<T> {
  const envelope = (await counter.core.dispatch(name, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

async function refusal(name: string, input: unknown) {
  const envelope = (await counter.core.dispatch(name, input)) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`${name} was accepted`);
  return envelope.error;
}

const film = (name: string, extra: Record<string, unknown> = {}) =>
  ok<CallOutput<'programme.offer.create'>>('programme.offer.create', {
    name,
    isDuo: true,
    priceCategories: [{ label: 'Tarif unique', priceCents: 550 }],
    ...extra,
  });

/** Where the sandbox's request log is now. */
const logPosition = async () => (await sandboxRequests(counter.sandbox.url, 0)).lastSeq;

/** Writes of offers the sandbox received since `seq` (its request log): proof that a refusal was ours. */
async function offerWritesSince(seq: number): Promise<string[]> {
  const { requests } = await sandboxRequests(counter.sandbox.url, seq);
  return requests
    .filter((r) => r.method !== 'GET' && r.path.startsWith('/public/offers/v1/events'))
    .map((r) => `${r.method} ${r.path}`);
}

describe('refused before sending, as pass Culture would refuse it', () => {
  it('a séance in the past — added, moved, or published with the film — with its day and time, in French', async () => {
    const published = await film('Film sans passé');
    const tariff = published.priceCategories[0]?.id;
    const yesterday = dayIn(-1);
    const since = await logPosition();

    const added = await refusal('programme.seance.add', {
      offerId: published.offerId,
      day: yesterday,
      time: '20:30',
      priceCategoryId: tariff,
      seats: 10,
    });
    expect(added.code).toBe('programme_invalid');
    expect(added.message).toBe(
      `Rien n’a été envoyé à pass Culture : la séance du ${french(yesterday)} à 20:30 serait déjà commencée, et pass Culture n’accepte qu’une séance à venir.`,
    );

    const withSeance = await ok<EditableOffer>('programme.seance.add', {
      offerId: published.offerId,
      day: dayIn(2),
      time: '20:30',
      priceCategoryId: tariff,
      seats: 10,
    });
    const moved = await refusal('programme.seance.update', {
      offerId: published.offerId,
      stockId: withSeance.seances[0]?.stockId,
      day: yesterday,
    });
    expect(moved.code).toBe('programme_invalid');

    const publishedWithPast = await refusal('programme.offer.create', {
      name: 'Film au passé',
      isDuo: false,
      priceCategories: [{ label: 'Tarif unique', priceCents: 500 }],
      seances: [
        { day: dayIn(1), time: '18:00', seats: 20 },
        { day: yesterday, time: '18:00', seats: 20 },
      ],
    });
    expect(publishedWithPast.code).toBe('programme_invalid');
    // Only the séance that was valid went out; nothing of the refused writes (not even the film).
    expect(await offerWritesSince(since)).toEqual([`POST /public/offers/v1/events/${published.offerId}/dates`]);
  });

  it('a duration of 24 h or more (pass Culture: under 1,440 minutes)', async () => {
    expect(
      (
        await refusal('programme.offer.create', {
          name: 'Nuit',
          isDuo: true,
          durationMinutes: 1440,
          priceCategories: [{ label: 'T', priceCents: 0 }],
        })
      ).code,
    ).toBe('invalid_input');
    const longest = await film('Intégrale', { durationMinutes: 1439 });
    expect(longest.durationMinutes).toBe(1439);
  });

  it('a trailer that is not a public YouTube video: another site, a short, a channel', async () => {
    const since = await logPosition();
    for (const videoUrl of [
      'https://vimeo.com/123456789',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube.com/@cinema',
      'youtube.com/watch?v=dQw4w9WgXcQ',
    ]) {
      const refused = await refusal('programme.offer.create', {
        name: 'Film à bande-annonce',
        isDuo: true,
        priceCategories: [{ label: 'Tarif unique', priceCents: 550 }],
        videoUrl,
      });
      expect(refused.code, videoUrl).toBe('programme_invalid');
      expect(refused.message).toContain('vidéo YouTube publique');
    }
    expect(await offerWritesSince(since)).toEqual([]);
  });
});

describe('what pass Culture still refuses, in French', () => {
  afterEach(async () => {
    await setSandboxClock(counter.sandbox.url, new Date());
  });

  it('a séance the platform finds already past names the séance, never "The datetime must be in the future."', async () => {
    const published = await film('Film en retard');
    // The platform's clock ahead of this counter's: the séance is future here, past there.
    await advanceSandboxClock(counter.sandbox.url, 5 * 86_400_000);
    const day = dayIn(3);
    const refused = await refusal('programme.seance.add', {
      offerId: published.offerId,
      day,
      time: '20:30',
      priceCategoryId: published.priceCategories[0]?.id,
      seats: 10,
    });
    expect(refused.code).toBe('platform_refused');
    expect(refused.message).toBe(
      `pass Culture a refusé l’envoi. Début de la séance du ${french(day)} à 20:30 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir.`,
    );
  });

  it('a film published with séances the platform refuses stays published, and says which séances and why', async () => {
    await advanceSandboxClock(counter.sandbox.url, 5 * 86_400_000);
    const day = dayIn(2);
    const published = await film('Film publié sans ses séances', { seances: [{ day, time: '21:00', seats: 30 }] });
    expect(published.seances).toEqual([]);
    expect(published.seancesRefused).toBe(
      `pass Culture a refusé l’envoi. Début de la séance du ${french(day)} à 21:00 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir.`,
    );
  });
});

describe('publishing a film in one go', () => {
  it('with its trailer, its category label and its first séances, each on its tariff', async () => {
    const [d1, d2] = [dayIn(1), dayIn(2)];
    const published = await film('Film complet', {
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      priceCategories: [
        { label: 'Plein tarif', priceCents: 700 },
        { label: 'Tarif réduit', priceCents: 500 },
      ],
      seances: [
        { day: d1, time: '14:00', seats: 20 },
        { day: d1, time: '20:30', seats: null, tariffIndex: 1 },
        { day: d2, time: '18:00', seats: 5 },
      ],
    });
    expect(published.seancesRefused).toBeNull();
    expect(published.category).toEqual({ id: 'SEANCE_CINE', label: 'Séance de cinéma' });
    expect(published.videoUrl).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(published.seances.map((s) => [s.priceCategoryLabel, s.available])).toEqual([
      ['Plein tarif', 20],
      ['Tarif réduit', null],
      ['Plein tarif', 5],
    ]);

    const replaced = await ok<EditableOffer>('programme.offer.update', {
      offerId: published.offerId,
      videoUrl: 'https://youtu.be/9bZkp7q19f0',
    });
    expect(replaced.videoUrl).toBe('https://youtu.be/9bZkp7q19f0');
    const removed = await ok<EditableOffer>('programme.offer.update', { offerId: published.offerId, videoUrl: null });
    expect(removed.videoUrl).toBeNull();
  });

  it('shows the category label of an imported film too', async () => {
    const imported = await ok<EditableOffer>('programme.offer', { offerId: 101 });
    expect(imported.category.label).toBe('Séance de cinéma');
  });
});

describe('films without a séance on the days shown stay findable', () => {
  type Unscheduled = CallOutput<'programme.unscheduled'>;

  it('lists a film published without séances first, one scheduled later with its next séance, and drops it once it has one this week', async () => {
    const bare = await film('Film sans séance encore');
    const later = await film('Film pour plus tard', { seances: [{ day: dayIn(10), time: '20:00', seats: 10 }] });
    const { films } = await ok<Unscheduled>('programme.unscheduled', { days: 7 });
    const bareRow = films.find((f) => f.offerId === bare.offerId);
    expect(bareRow).toMatchObject({ managed: true, lastSeanceStart: null, nextSeanceStart: null });
    expect(films.findIndex((f) => f.offerId === bare.offerId)).toBeLessThan(
      films.findIndex((f) => f.offerId === later.offerId),
    );
    expect(films.find((f) => f.offerId === later.offerId)?.nextSeanceStart).toBe(later.seances[0]?.start);
    // Seeded films have séances this week: none of them is listed.
    expect(films.some((f) => f.offerId === 101)).toBe(false);

    await ok<EditableOffer>('programme.seance.add', {
      offerId: bare.offerId,
      day: dayIn(1),
      time: '20:00',
      priceCategoryId: bare.priceCategories[0]?.id,
      seats: 10,
    });
    const after = await ok<Unscheduled>('programme.unscheduled', { days: 7 });
    expect(after.films.some((f) => f.offerId === bare.offerId)).toBe(false);
  });
});
