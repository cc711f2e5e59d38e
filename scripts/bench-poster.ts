/**
 * `npm run bench:poster`: publishing a film with a real poster in browser mode, from the manager's click on
 * "Publier" to the film open in its editor (the poster read and encoded by the page, carried over the WebSocket,
 * checked by the core, sent to the sandbox), against the same call made straight to the core (no page, no
 * WebSocket). Posters of 2.0 MB and 2.9 MB (RGB noise, 2:3). Prints medians and the worst run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../tests/support/chromium';
import { startCounter } from '../tests/support/counterUnderTest';
import { noisePng } from '../tests/support/png';
import { summary } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const POSTERS = { '2.0 MB (667 × 1000)': noisePng(667, 1000), '2.9 MB (800 × 1200)': noisePng(800, 1200) };

const counter = await startCounter({ web: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-poster-'));
const browser = await launchChromium();
try {
  await counter.core.dispatch('sync.now', {});
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(counter.web!.url);
  await page.getByTestId('code-input').waitFor();
  for (const [label, png] of Object.entries(POSTERS)) {
    const file = path.join(dir, 'affiche.png');
    fs.writeFileSync(file, png);
    const viaPage: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.getByTestId('nav-programme').click();
      await page.getByTestId('publish-film-open').click();
      await page.getByTestId('film-name').fill(`Banc d’essai ${run}`);
      await page.getByTestId('film-price').fill('5');
      await page.getByTestId('film-poster').setInputFiles(file);
      await page.locator('.film-form__preview').waitFor();
      const started = performance.now();
      await page.getByTestId('publish-submit').click();
      await page
        .locator('dialog[data-testid="manage-film"]')
        .getByTestId('editor-message')
        .waitFor({ timeout: 30_000 });
      viaPage.push(performance.now() - started);
      await page.getByTestId('editor-close').click();

      const core = performance.now();
      const answer = (await counter.core.dispatch('programme.offer.create', {
        name: `Banc d’essai direct ${run}`,
        isDuo: true,
        priceCategories: [{ label: 'Tarif unique', priceCents: 500 }],
        poster: { base64: png.toString('base64') },
      })) as { ok: boolean };
      if (!answer.ok) throw new Error('the core refused the poster');
      direct.push(performance.now() - core);
    }
    const page_ = summary(viaPage);
    const core_ = summary(direct);
    console.log(
      `${label}: click → published ${page_.median.toFixed(0)} ms median (worst ${Math.max(...viaPage).toFixed(0)} ms); ` +
        `core alone ${core_.median.toFixed(0)} ms median; ratio ${(page_.median / core_.median).toFixed(1)} (n = ${RUNS})`,
    );
  }
} finally {
  await browser.close();
  await counter.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
