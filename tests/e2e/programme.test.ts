/**
 * End to end in Chromium (browser mode): a manager publishes a film with a séance, adds and changes its tariffs and
 * renames it, closes the pass Culture sale of a séance when the room fills, and the counter announces a new booking
 * with a desktop notification.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EditableOffer, Envelope } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { closeTestPage, openAppPage } from '../support/appPage';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;

/** Records notifications instead of showing them (and grants the permission the page asks for). */
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__notifications.push({ title, body: options?.body ?? '' }); }
  }
  window.Notification = RecordedNotification;
`;

beforeAll(async () => {
  counter = await startCounter({ web: true });
  await counter.core.dispatch('sync.now', {});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});
beforeEach(async (context) => {
  page = await openAppPage(browser, counter.web!.url, { label: context.task.name, initScript: RECORD_NOTIFICATIONS });
});
afterEach((context) => closeTestPage(page, context));

async function openProgramme(): Promise<void> {
  await page.getByTestId('nav-programme').click();
  await page.getByTestId('programme-day-panel').waitFor();
}

function authHeaders() {
  return { authorization: `Bearer ${counter.sandbox.apiKey}` };
}

/** Tonight, venue time — or tomorrow when the test runs after 23:00 (a séance must be in the future). */
async function lateEveningDay(): Promise<{ day: string; isTomorrow: boolean }> {
  const [day, isTomorrow] = await page.evaluate(() => {
    const zone = { timeZone: 'Europe/Paris' };
    const late = Number(new Date().toLocaleTimeString('sv-SE', { ...zone, hour: '2-digit' })) >= 23;
    const when = new Date(Date.now() + (late ? 86_400_000 : 0));
    return [when.toLocaleDateString('sv-SE', zone), late] as const;
  });
  return { day, isTomorrow };
}

async function addSeance(day: string, time: string, seats: string): Promise<void> {
  await page.getByTestId('seance-day').fill(day);
  await page.getByTestId('seance-time').fill(time);
  await page.getByTestId('seance-seats-input').fill(seats);
  await page.getByTestId('add-seance-submit').click();
}

describe('programme at the counter', () => {
  it('publishes a film with a séance today and shows it in the programme', async () => {
    await openProgramme();
    await page.getByTestId('publish-film-open').click();
    await page.getByTestId('film-name').fill('Le Guichet, le film');
    await page.getByTestId('film-duration').fill('95');
    await page.getByTestId('film-price').fill('5,50');
    await page.getByTestId('publish-submit').click();
    await page.getByTestId('add-seance').waitFor();
    const { day, isTomorrow } = await lateEveningDay();
    await addSeance(day, '23:55', '30');
    await expect.poll(() => page.getByTestId('seance-row').count()).toBe(1);
    await page.getByTestId('editor-close').click();
    if (isTomorrow) await page.getByTestId('programme-day').nth(1).click();
    const film = page.getByTestId('programme-film').filter({ hasText: 'Le Guichet, le film' });
    await film.waitFor();
    expect(await film.getByTestId('programme-seance').count()).toBe(1);
  });

  it('adds a tariff to a film it published, changes its price and renames the film: the programme shows them', async () => {
    const { day, isTomorrow } = await lateEveningDay();
    const film = (await counter.core.dispatch('programme.offer.create', {
      name: 'Film à renommer',
      isDuo: true,
      priceCategories: [{ label: 'Tarif unique', priceCents: 600 }],
    })) as Envelope<EditableOffer>;
    if (!film.ok) throw new Error(film.error.message);
    const { offerId } = film.value;
    await counter.core.dispatch('programme.seance.add', {
      offerId,
      day,
      time: '23:50',
      priceCategoryId: film.value.priceCategories[0]?.id,
      seats: 20,
    });
    await openProgramme();
    if (isTomorrow) await page.getByTestId('programme-day').nth(1).click();
    await page.locator(`[data-testid="programme-film"][data-offer-id="${offerId}"]`).getByTestId('manage-film').click();
    const dialog = page.getByTestId('manage-film');

    // A label the film already has is refused before anything is sent, in French.
    await dialog.getByTestId('new-tariff-label').fill('tarif UNIQUE');
    await dialog.getByTestId('new-tariff-price').fill('4,50');
    expect(await dialog.getByTestId('tariff-problem').textContent()).toContain('« Tarif unique »');
    expect(await dialog.getByTestId('add-tariff-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('new-tariff-label').fill('Tarif réduit');
    await dialog.getByTestId('new-tariff-price').fill('301');
    expect(await dialog.getByTestId('tariff-problem').textContent()).toContain('300 €');
    await dialog.getByTestId('new-tariff-price').fill('4,50');
    await dialog.getByTestId('add-tariff-submit').click();
    const reduced = dialog.getByTestId('tariff-row').nth(1);
    await reduced.waitFor();
    expect(await dialog.getByTestId('new-tariff-label').inputValue()).toBe('');

    // Selectable at once for a new séance.
    const reducedId = (await reduced.getAttribute('data-price-category-id')) ?? '';
    await dialog.getByTestId('seance-tariff').selectOption(reducedId);
    await addSeance(day, '23:55', '10');
    // Séances are listed by start: 23:55 comes after the first one.
    const reducedSeance = dialog.getByTestId('seance-row').nth(1).getByTestId('seance-head');
    await expect.poll(() => reducedSeance.textContent()).toMatch(/Tarif réduit · 4,50\s€/);

    // A new price shows on the séances of that tariff.
    await reduced.getByTestId('tariff-price-input').fill('4');
    await reduced.getByTestId('tariff-save').click();
    await expect.poll(() => reducedSeance.textContent()).toMatch(/Tarif réduit · 4,00\s€/);

    await dialog.getByTestId('edit-film-open').click();
    await dialog.getByTestId('film-name').fill('Film renommé au guichet');
    await dialog.getByTestId('edit-film-submit').click();
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Film renommé au guichet');
    await dialog.getByTestId('editor-close').click();

    const card = page.locator(`[data-testid="programme-film"][data-offer-id="${offerId}"]`);
    await expect.poll(() => card.locator('h3').textContent()).toBe('Film renommé au guichet');
    await expect.poll(() => card.textContent()).toMatch(/Tarif réduit · 4,00\s€/);
    const event = (await (
      await fetch(`${counter.sandbox.url}/public/offers/v1/events/${offerId}`, { headers: authHeaders() })
    ).json()) as { name: string; priceCategories: { label: string; price: number }[] };
    expect(event.name).toBe('Film renommé au guichet');
    expect(event.priceCategories.map((pc) => [pc.label, pc.price])).toEqual([
      ['Tarif unique', 600],
      ['Tarif réduit', 400],
    ]);
  });

  it('closes the pass Culture sale of a séance: the platform then has quantity = bookedQuantity', async () => {
    await openProgramme();
    const film = page
      .getByTestId('programme-film')
      .filter({ has: page.getByTestId('programme-seance') })
      .first();
    const offerId = Number(await film.getAttribute('data-offer-id'));
    await film.getByTestId('manage-film').click();
    const row = page
      .getByTestId('seance-row')
      .filter({ has: page.getByTestId('close-sales') })
      .last();
    const stockId = Number(await row.getAttribute('data-stock-id'));
    await row.getByTestId('close-sales').click();
    await page
      .getByTestId('seance-row')
      .filter({ has: page.getByTestId('reopen-sales') })
      .first()
      .waitFor();
    const response = await fetch(
      `${counter.sandbox.url}/public/offers/v1/events/${offerId}/dates?firstIndex=${stockId}&limit=1`,
      { headers: authHeaders() },
    );
    const { dates } = (await response.json()) as { dates: { quantity: number; bookedQuantity: number }[] };
    expect(dates[0]?.quantity).toBe(dates[0]?.bookedQuantity);
  });

  it('announces a new booking with a desktop notification', async () => {
    // On a manager's screen (on the guichet during service they are grouped without names: counterService.test.ts).
    await page.getByTestId('nav-programme').click();
    const created = await fetch(`${counter.sandbox.url}/__sandbox/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const booking = (await created.json()) as { lastName: string; offerName: string };
    await counter.core.dispatch('sync.now', {});
    // A string: the node typecheck has no DOM types.
    const recorded = () => page.evaluate<{ title: string; body: string }[]>('window.__notifications');
    await expect
      .poll(recorded)
      .toEqual([expect.objectContaining({ title: expect.stringContaining(booking.lastName) })]);
    const [notice] = await recorded();
    expect(notice?.body).toContain(booking.offerName);
  });
});
