/**
 * End to end in Chromium (browser mode, en-US like any headless Chromium): a manager publishes a film with a real
 * 2 MB poster, its trailer and two séances typed the French way; a poster of the wrong shape or weight is refused
 * as it is chosen; "Publier" says what is missing; a séance in the past is refused in the form, and one the
 * platform refuses is explained in French; a film without séances stays findable under "Sans séance"; the
 * manager's screens fit the four counter set-ups.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, Envelope } from '../../shared/contract';
import { dayInZone } from '../../shared/dates';
import { closeTestPage, openAppPage } from '../support/appPage';
import { launchChromium } from '../support/chromium';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { noisePng } from '../support/png';
import { advanceSandboxClock, setSandboxClock } from '../support/sandboxControl';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
let timeZone = 'Europe/Paris';
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-posters-'));
const poster2Mb = path.join(files, 'affiche-2mo.png');
const landscape = path.join(files, 'paysage.png');
const heavy = path.join(files, 'affiche-6mo.png');

beforeAll(async () => {
  // 667 × 1000 is 2:3 (to a pixel); RGB noise does not compress: about 2 MB, a real poster's weight.
  fs.writeFileSync(poster2Mb, noisePng(667, 1000));
  fs.writeFileSync(landscape, noisePng(900, 600));
  fs.writeFileSync(heavy, noisePng(600, 900, 6 * 1024 * 1024));
  counter = await startCounter({ web: true });
  await counter.core.dispatch('sync.now', {});
  const info = (await counter.core.dispatch('app.info', {})) as Envelope<AppInfo>;
  if (info.ok && info.value.venue) timeZone = info.value.venue.timeZone;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
  fs.rmSync(files, { recursive: true, force: true });
});
beforeEach(async (context) => {
  page = await openAppPage(browser, counter.web!.url, { label: context.task.name });
});
afterEach((context) => closeTestPage(page, context));

/** A day from today in the venue's zone, as the manager types it (dd/mm/yyyy), and as the API has it. */
function dayIn(days: number): { typed: string; iso: string } {
  const iso = dayInZone(new Date(Date.now() + days * 86_400_000).toISOString(), timeZone);
  return { iso, typed: iso.split('-').reverse().join('/') };
}

async function openPublish(): Promise<void> {
  await page.getByTestId('nav-programme').click();
  await page.getByTestId('programme-day-panel').waitFor();
  await page.getByTestId('publish-film-open').click();
  await page.getByTestId('film-name').waitFor();
}

const manageDialog = () => page.locator('dialog[data-testid="manage-film"]');

async function sandboxEvent(offerId: number) {
  const response = await fetch(`${counter.sandbox.url}/public/offers/v1/events/${offerId}`, {
    headers: { authorization: `Bearer ${counter.sandbox.apiKey}` },
  });
  return (await response.json()) as { name: string; videoUrl: string | null; image: { url: string } | null };
}

describe('publishing a film from the counter', () => {
  it('publishes a 2 MB poster in browser mode, with its trailer and two séances typed dd/mm/yyyy and 20h30', async () => {
    // A string: the node typecheck has no DOM types.
    expect(await page.evaluate<string>('navigator.language')).toBe('en-US');
    await openPublish();
    await page.getByTestId('film-name').fill('Affiche lourde');
    await page.getByTestId('film-duration').fill('112');
    await page.getByTestId('film-video').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await page.getByTestId('film-price').fill('6,50');
    await page.getByTestId('film-poster').setInputFiles(poster2Mb);
    await page.locator('.film-form__preview').waitFor();
    expect(await page.getByTestId('poster-problem').count()).toBe(0);

    const [first, second] = [dayIn(1), dayIn(2)];
    await page.getByTestId('new-seance-add').click();
    await page.getByTestId('new-seance-day').first().fill(first.typed);
    await page.getByTestId('new-seance-time').first().fill('20h30');
    await page.getByTestId('new-seance-add').click();
    // The next row takes the day after and the same time.
    expect(await page.getByTestId('new-seance-day').nth(1).inputValue()).toBe(second.typed);
    await page.getByTestId('new-seance-time').first().blur();
    expect(await page.getByTestId('new-seance-time').first().inputValue()).toBe('20:30');
    expect(await page.getByTestId('publish-missing').count()).toBe(0);

    await page.getByTestId('publish-submit').click();
    const message = manageDialog().getByTestId('editor-message');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toBe('Film publié sur pass Culture avec 2 séances.');
    expect(await message.textContent()).not.toContain('moteur local');
    const heads = await manageDialog().getByTestId('seance-head').allTextContents();
    expect(heads).toHaveLength(2);
    for (const head of heads) {
      expect(head).toContain('20:30');
      expect(head).not.toMatch(/AM|PM/);
    }
    expect(await manageDialog().getByTestId('film-category').textContent()).toBe(
      'Catégorie pass Culture : Séance de cinéma',
    );

    const events = (await (
      await fetch(`${counter.sandbox.url}/public/offers/v1/events?venueId=${await venueId()}&limit=50&firstIndex=1`, {
        headers: { authorization: `Bearer ${counter.sandbox.apiKey}` },
      })
    ).json()) as { events: { id: number; name: string }[] };
    const published = events.events.find((event) => event.name === 'Affiche lourde');
    expect(published).toBeDefined();
    const event = await sandboxEvent(published!.id);
    expect(event.videoUrl).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const image = await fetch(event.image!.url);
    expect(Buffer.from(await image.arrayBuffer()).equals(fs.readFileSync(poster2Mb))).toBe(true);
  });

  it('refuses a poster of the wrong shape or weight as it is chosen, and "Publier" says what is missing', async () => {
    await openPublish();
    await page.getByTestId('film-poster').setInputFiles(landscape);
    await expect
      .poll(() => page.getByTestId('poster-problem').textContent())
      .toBe(
        'Affiche « paysage.png » refusée : elle mesure 900 × 600 pixels ; pass Culture demande une affiche en portrait au format 2:3 (par exemple 600 × 900). Choisissez-en une autre.',
      );
    await page.getByTestId('film-poster').setInputFiles(heavy);
    await expect.poll(() => page.getByTestId('poster-problem').textContent()).toContain('le fichier pèse 6,0 Mo');

    await page.getByTestId('film-duration').fill('1440');
    expect(await page.getByTestId('duration-problem').textContent()).toContain('moins de 24 heures');
    await page.getByTestId('film-video').fill('https://vimeo.com/123456');
    expect(await page.getByTestId('video-problem').textContent()).toContain('vidéo YouTube publique');

    await page.getByTestId('publish-submit').click();
    const missing = page.getByTestId('publish-missing');
    expect(await missing.getAttribute('role')).toBe('alert');
    expect(await missing.textContent()).toBe(
      'Avant de publier : indiquez le titre ; corrigez la durée ; corrigez le lien de la bande-annonce (ou videz-le) ; choisissez une autre affiche (ou retirez-la) ; indiquez le prix du tarif.',
    );
    // Nothing was sent: still the publish form.
    expect(await page.getByTestId('publish-film').isVisible()).toBe(true);
  });

  it('refuses a séance in the past in the form, and explains in French one the platform refuses', async () => {
    const created = (await counter.core.dispatch('programme.offer.create', {
      name: 'Film du passé',
      isDuo: true,
      priceCategories: [{ label: 'Tarif unique', priceCents: 500 }],
    })) as Envelope<{ offerId: number }>;
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId('nav-programme').click();
    await page.getByTestId('programme-unscheduled-tab').click();
    await page
      .locator(`[data-testid="unscheduled-film"][data-offer-id="${created.value.offerId}"]`)
      .getByTestId('manage-film')
      .click();
    const dialog = manageDialog();
    await dialog.getByTestId('add-seance').waitFor();

    const yesterday = dayIn(-1);
    await dialog.getByTestId('seance-day').fill(yesterday.typed);
    await dialog.getByTestId('seance-time').fill('20:30');
    expect(await dialog.getByTestId('seance-problem').textContent()).toBe(
      `La séance du ${yesterday.typed} à 20:30 serait déjà commencée, et pass Culture n’accepte qu’une séance à venir.`,
    );
    expect(await dialog.getByTestId('add-seance-submit').isDisabled()).toBe(true);

    // The platform's clock ahead of the counter's: it answers 400 "The datetime must be in the future.".
    await advanceSandboxClock(counter.sandbox.url, 5 * 86_400_000);
    try {
      const soon = dayIn(2);
      await dialog.getByTestId('seance-day').fill(soon.typed);
      await dialog.getByTestId('add-seance-submit').click();
      const message = dialog.getByTestId('editor-message');
      await message.waitFor();
      expect(await message.textContent()).toBe(
        `pass Culture a refusé l’envoi. Début de la séance du ${soon.typed} à 20:30 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir.`,
      );
    } finally {
      await setSandboxClock(counter.sandbox.url, new Date());
    }
  });

  it('keeps a film published without séances under "Sans séance", from where séances are added', async () => {
    await openPublish();
    await page.getByTestId('film-name').fill('Film sans séance');
    await page.getByTestId('film-price').fill('5');
    await page.getByTestId('publish-submit').click();
    const message = manageDialog().getByTestId('editor-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(
      'Film publié sur pass Culture, sans séance pour l’instant : ajoutez-en ci-dessous. Il reste dans l’onglet « Sans séance » du Programme.',
    );
    await manageDialog().getByTestId('editor-close').click();

    const tab = page.getByTestId('programme-unscheduled-tab');
    await tab.click();
    const row = page.getByTestId('unscheduled-film').filter({ hasText: 'Film sans séance' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Aucune séance');
    expect(await tab.textContent()).toMatch(/Sans séance\d+ films?/);
    await row.getByTestId('manage-film').click();
    await expect.poll(() => manageDialog().locator('h2').textContent()).toBe('Film sans séance');
    await manageDialog().getByTestId('add-seance').waitFor();
  });

  it('has no browser-language date or time field on the programme and report screens', async () => {
    await openPublish();
    await page.getByTestId('new-seance-add').click();
    expect(await page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]').count()).toBe(0);
    expect(await page.getByTestId('new-seance-day').getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('end-of-day-table').waitFor();
    expect(await page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]').count()).toBe(0);
    expect(await page.getByTestId('end-of-day-day').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});

async function venueId(): Promise<number> {
  const info = (await counter.core.dispatch('app.info', {})) as Envelope<AppInfo>;
  if (!info.ok || !info.value.venue) throw new Error('no venue');
  return info.value.venue.id;
}

describe('the manager’s screens at the counter set-ups (100 % and 125 %)', () => {
  const setups = [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 1093, height: 614 },
    { width: 1536, height: 864 },
  ];

  it.each(setups)(
    '$width×$height: the publish form reaches "Publier", the report has no sideways scroll',
    async (size) => {
      await page.setViewportSize(size);
      await openPublish();
      const dialog = page.getByTestId('publish-film');
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      const submit = page.getByTestId('publish-submit');
      await submit.scrollIntoViewIfNeeded();
      const button = await submit.boundingBox();
      expect(button!.y + button!.height).toBeLessThanOrEqual(size.height);
      await page.keyboard.press('Escape');

      await page.getByTestId('nav-reports').click();
      const table = page.getByTestId('end-of-day-table');
      await table.waitFor();
      const main = await page.locator('.shell__main').boundingBox();
      const drawn = await table.boundingBox();
      expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(main!.x + main!.width);
      expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(size.width);
    },
  );
});
