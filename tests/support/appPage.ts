/**
 * The app's page in an e2e test: opened on the guichet with the app's script errors printed under the test's
 * name, and closed after the test with a screenshot in test-results/ when it failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { REPO_ROOT } from './counterUnderTest';

export interface AppPageOptions {
  /** Printed before the page's script errors (usually the test's name). */
  label?: string;
  /** Runs in the page before the app (e.g. a Notification recorder). */
  initScript?: string;
  acceptDownloads?: boolean;
}

export async function openAppPage(browser: Browser, url: string, options: AppPageOptions = {}): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: options.acceptDownloads ?? false });
  const label = options.label ? `${options.label}: ` : '';
  page.on('pageerror', (error) => console.error(`[page error] ${label}${error.message}`));
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(url);
  await page.getByTestId('code-input').waitFor();
  return page;
}

/** For afterEach: keeps a screenshot of a failed test's page (`<prefix><test name>.png`), then closes it. */
export async function closeTestPage(page: Page, context: TestContext, prefix = ''): Promise<void> {
  if (context.task.result?.state === 'fail') {
    const dir = path.join(REPO_ROOT, 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${prefix}${context.task.name.replace(/\W+/g, '-')}.png`) });
  }
  await page.close();
}
