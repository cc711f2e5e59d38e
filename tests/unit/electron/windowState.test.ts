/**
 * Whether the window was left maximised (electron/windowState.ts): kept between launches, and a missing, damaged or
 * unwritable file never stops the counter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWindowStateStore, WINDOW_STATE_FILE } from '../../../electron/windowState';

let dir: string;
const logger = { warn: vi.fn() };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-window-'));
  logger.warn.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the window state file', () => {
  it('is "not maximised" until the window closes, then keeps what it was', () => {
    const store = createWindowStateStore(dir, logger);
    expect(store.wasMaximized()).toBe(false);
    store.remember(true);
    expect(createWindowStateStore(dir, logger).wasMaximized()).toBe(true);
    store.remember(false);
    expect(createWindowStateStore(dir, logger).wasMaximized()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]); // no temporary file left behind
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads a damaged file as "not maximised", with a warning', () => {
    for (const content of ['{"maximized": tr', '{"version": 1, "maximized": "yes"}', '[true]', '']) {
      fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), content);
      expect(createWindowStateStore(dir, logger).wasMaximized()).toBe(false);
    }
    expect(logger.warn).toHaveBeenCalledTimes(4);
  });

  it('logs a file it cannot write, without throwing', () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(() => createWindowStateStore(blocked, logger).remember(true)).not.toThrow();
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});
