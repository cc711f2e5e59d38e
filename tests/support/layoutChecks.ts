/**
 * Layout assertions for the guichet's screenshots: every part of a verdict lies inside the viewport, is not cut by
 * an ancestor that hides its overflow (a panel, a scrolling navigation), and the page itself does not scroll.
 */
import type { Page } from 'playwright-core';

/**
 * The four set-ups counters have: 1366×768 and 1920×1080, at 100 % and at 125 % Windows scaling; and the smallest
 * page the app's window shows, maximised on 1366×768 at 125 % (electron/window.ts): a work area of 1093×582 DIPs
 * (Windows 10's taskbar) less a 30-DIP title bar, and 7 more for Windows 11's taller taskbar.
 */
export const COUNTER_VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1093, height: 614 },
  { width: 1536, height: 864 },
  { width: 1093, height: 545 },
] as const;

/** Problems found (empty when every element with these test ids is fully visible); each id must be present. */
/**
 * Runs in the page (as source text: the tests' TypeScript has no DOM types). Lists what is wrong with the elements
 * of these test ids, each of which must be present.
 */
const LAYOUT_PROBLEMS = `(ids) => {
  const problems = [];
  const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  const outside = (r, box) =>
    r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
  for (const id of ids) {
    const elements = [...document.querySelectorAll('[data-testid="' + id + '"]')];
    if (elements.length === 0) problems.push(id + ': not on screen');
    for (const element of elements) {
      const r = element.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) problems.push(id + ': has no size');
      if (outside(r, viewport)) problems.push(id + ': outside the viewport (bottom at ' + Math.round(r.bottom) + ' px)');
      for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
        const style = getComputedStyle(ancestor);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        if (outside(r, ancestor.getBoundingClientRect())) {
          problems.push(id + ': cut by .' + (ancestor.className || ancestor.tagName));
          break;
        }
      }
    }
  }
  const root = document.scrollingElement || document.documentElement;
  if (root.scrollHeight > window.innerHeight + 1) problems.push('the page scrolls (' + root.scrollHeight + ' px)');
  const main = document.querySelector('.shell__main');
  if (main && main.scrollHeight > main.clientHeight + 1) problems.push('the screen scrolls (' + main.scrollHeight + ' px)');
  const verdict = document.querySelector('[data-testid="verdict"]');
  if (verdict && verdict.scrollHeight > verdict.clientHeight + 1) problems.push('the verdict overflows its panel');
  return problems;
}`;

/** Problems found (empty when every element with these test ids is fully visible and nothing scrolls). */
export function layoutProblems(page: Page, testIds: readonly string[]): Promise<string[]> {
  return page.evaluate<string[]>(`(${LAYOUT_PROBLEMS})(${JSON.stringify(testIds)})`);
}

const NAVIGATION_PROBLEMS = `(() => {
  const buttons = [...document.querySelectorAll('.app-header__nav .nav-button')].map((b) => b.getBoundingClientRect());
  const problems = [];
  if (buttons.length !== 9) problems.push(buttons.length + ' screens in the navigation');
  const tops = new Set(buttons.map((r) => Math.round(r.top)));
  if (tops.size > 1) problems.push('the navigation takes ' + tops.size + ' rows');
  const nav = document.querySelector('.app-header__nav').getBoundingClientRect();
  buttons.forEach((r, i) => {
    if (r.right > Math.min(nav.right, window.innerWidth) + 0.5) problems.push('screen ' + (i + 1) + ' is cut off');
  });
  return problems;
})()`;

/** The navigation is one row: every button at the same height, all inside the viewport. */
export function navigationProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(NAVIGATION_PROBLEMS);
}
