/** Scans first (core/foreground.ts): background work waits for the guichet's calls in flight, and only for them. */
import { describe, expect, it } from 'vitest';
import { createForeground } from '../../../electron/core/foreground';

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
});
