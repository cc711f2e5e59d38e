/**
 * How the window was left (electron/windowState.ts): kept between launches, a version-1 file still read, and a
 * missing, damaged or unwritable file never stops the counter.
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

const onSecondScreen = { x: 1920, y: 0, width: 1280, height: 800 };

describe('the window state file', () => {
  it('is empty until the window closes, then keeps how and where it was left', () => {
    const store = createWindowStateStore(dir, logger);
    expect(store.saved()).toBeNull();
    store.remember({ maximized: true, bounds: onSecondScreen });
    expect(createWindowStateStore(dir, logger).saved()).toEqual({ maximized: true, bounds: onSecondScreen });
    // A screen to the left of the primary one has negative coordinates; fractions (never from Electron) are rounded.
    store.remember({ maximized: false, bounds: { x: -1366.4, y: -20, width: 1100.6, height: 600 } });
    expect(createWindowStateStore(dir, logger).saved()).toEqual({
      maximized: false,
      bounds: { x: -1366, y: -20, width: 1101, height: 600 },
    });
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]); // no temporary file left behind
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads the first version of the file (maximised or not, no place)', () => {
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"version": 1, "maximized": true}');
    expect(createWindowStateStore(dir, logger).saved()).toEqual({ maximized: true, bounds: null });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads a damaged file as nothing saved, with a warning', () => {
    const damaged = [
      '{"maximized": tr',
      '{"version": 1, "maximized": "yes"}',
      '[true]',
      '',
      '{"version": 2, "maximized": false}',
      '{"version": 2, "maximized": false, "bounds": {"x": 0, "y": 0, "width": 0, "height": 600}}',
      '{"version": 2, "maximized": false, "bounds": {"x": 1e9, "y": 0, "width": 1280, "height": 800}}',
      '{"version": 2, "maximized": false, "bounds": {"x": "0", "y": 0, "width": 1280, "height": 800}}',
      '{"version": 3, "maximized": false, "bounds": null}',
    ];
    for (const content of damaged) {
      fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), content);
      expect(createWindowStateStore(dir, logger).saved()).toBeNull();
    }
    expect(logger.warn).toHaveBeenCalledTimes(damaged.length);
  });

  it('logs a file it cannot write, without throwing', () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(() => createWindowStateStore(blocked, logger).remember({ maximized: true, bounds: null })).not.toThrow();
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});
