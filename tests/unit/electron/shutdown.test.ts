/**
 * Quitting closes the core once, even when something fails or hangs.
 */
import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../../../electron/shutdown';

const quietLogger = () => ({ error: vi.fn(), warn: vi.fn() });

describe('shutting the guichet down', () => {
  it('runs each step once, in order, however many times quitting is asked', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(
      [
        { name: 'core', run: async () => void order.push('core') },
        { name: 'bootstrap', run: () => void order.push('bootstrap') },
      ],
      { timeoutMs: 1_000, logger: quietLogger() },
    );
    await Promise.all([shutdown(), shutdown()]);
    await shutdown();
    expect(order).toEqual(['core', 'bootstrap']);
  });

  it('still closes the rest when one step fails, and logs the failure', async () => {
    const logger = quietLogger();
    const closed = vi.fn();
    const shutdown = createShutdown(
      [
        { name: 'core', run: () => Promise.reject(new Error('disk gone')) },
        { name: 'bootstrap', run: closed },
      ],
      { timeoutMs: 1_000, logger },
    );
    await shutdown();
    expect(closed).toHaveBeenCalledOnce();
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ step: 'core' }), expect.any(String));
  });

  it('gives up waiting after the timeout so the app can still quit', async () => {
    const logger = quietLogger();
    const shutdown = createShutdown([{ name: 'core', run: () => new Promise<void>(() => undefined) }], {
      timeoutMs: 20,
      logger,
    });
    await shutdown();
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});
