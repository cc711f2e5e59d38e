/**
 * Scans first (core/foreground.ts): background work waits for the guichet's calls in flight, and only for them, and
 * for a scan the page announced, until its lookup has come and gone or the announcement lapses.
 */
import { describe, expect, it } from 'vitest';
import { createForeground, EXPECTED_SCAN_MS } from '../../../electron/core/foreground';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('foreground', () => {
  it('holds background work while a lookup is in flight, and lets it go when the lookup ends', async () => {
    const foreground = createForeground();
    const lookup = deferred();
    const call = foreground.track('counter.lookup', () => lookup.promise);
    let yielded = false;
    const background = foreground.yieldToScans().then(() => (yielded = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(yielded).toBe(false);
    lookup.resolve();
    await call;
    await background;
    expect(yielded).toBe(true);
  });

  it('lets background work go only once the call’s answer has gone out (the host writes it after a few awaits)', async () => {
    const foreground = createForeground();
    const order: string[] = [];
    const lookup = deferred();
    // As a host answers: the supervisor's and the server's awaits, then the socket write.
    const answered = (async () => {
      const envelope = await (async () => await foreground.track('counter.lookup', () => lookup.promise))();
      await Promise.resolve(envelope);
      order.push('answer written');
    })();
    const background = foreground.yieldToScans().then(() => order.push('background'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    lookup.resolve();
    await Promise.all([answered, background]);
    expect(order).toEqual(['answer written', 'background']);
  });

  it('does not wait for calls that are not the guichet’s', async () => {
    const foreground = createForeground();
    const never = new Promise<void>(() => {});
    void foreground.track('sync.overview', () => never);
    const started = performance.now();
    await foreground.yieldToScans();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never holds background work for more than a second', async () => {
    const foreground = createForeground();
    void foreground.track('counter.validate', () => new Promise<void>(() => {}));
    const started = performance.now();
    await foreground.yieldToScans();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThan(3_000);
  });

  it('passes a failing call’s rejection on and still counts it as ended', async () => {
    const foreground = createForeground();
    await expect(foreground.track('counter.lookup', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const started = performance.now();
    await foreground.yieldToScans();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('holds background work for an announced scan until its lookup has come and ended', async () => {
    const foreground = createForeground();
    foreground.expectScan();
    let yielded = false;
    const background = foreground.yieldToScans().then(() => (yielded = true));
    await new Promise((resolve) => setTimeout(resolve, EXPECTED_SCAN_MS / 3));
    expect(yielded).toBe(false); // the lookup has not come yet
    const lookup = deferred();
    const call = foreground.track('counter.lookup', () => lookup.promise);
    // Past the announcement's own wait: the lookup in flight holds it now.
    await new Promise((resolve) => setTimeout(resolve, EXPECTED_SCAN_MS));
    expect(yielded).toBe(false);
    const ended = performance.now();
    lookup.resolve();
    await call;
    await background;
    expect(yielded).toBe(true);
    expect(performance.now() - ended).toBeLessThan(200);
  });

  it('lets background work go when an announced scan never comes (a code that was not a countermark)', async () => {
    const foreground = createForeground();
    foreground.expectScan();
    const started = performance.now();
    await foreground.yieldToScans();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(EXPECTED_SCAN_MS - 10);
    expect(waited).toBeLessThan(EXPECTED_SCAN_MS + 700);
  });

  it('an announcement is used up by the lookup it announced: the next page waits for nothing', async () => {
    const foreground = createForeground();
    foreground.expectScan();
    await foreground.track('counter.lookup', async () => {});
    const started = performance.now();
    await foreground.yieldToScans();
    expect(performance.now() - started).toBeLessThan(EXPECTED_SCAN_MS / 2);
  });

  it('a scanner that keeps announcing never holds background work for more than a second', async () => {
    const foreground = createForeground();
    foreground.expectScan();
    const timer = setInterval(() => foreground.expectScan(), 100);
    const started = performance.now();
    await foreground.yieldToScans();
    clearInterval(timer);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThan(3_000);
  });
});
