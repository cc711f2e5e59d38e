/**
 * `npm start` on a machine where Electron cannot run says so in one line instead of hanging or crashing.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  UNAVAILABLE_LINE,
  electronBinaryPath,
  hasDisplay,
  resolveElectron,
} from '../../../scripts/electron-availability.mjs';

const withScreen = { DISPLAY: ':0' };

describe('deciding whether Electron can start', () => {
  it('needs a display on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
  });

  it('launches the binary when it is there', () => {
    const decision = resolveElectron({
      platform: 'linux',
      env: withScreen,
      locate: () => '/e/dist/electron',
      exists: () => true,
      download: () => false,
    });
    expect(decision).toEqual({ kind: 'ready', binary: '/e/dist/electron' });
  });

  it('says so in one line when there is no screen, without trying to download', () => {
    const download = vi.fn(() => true);
    const decision = resolveElectron({ platform: 'linux', env: {}, locate: () => null, exists: () => false, download });
    expect(decision).toEqual({ kind: 'unavailable', line: UNAVAILABLE_LINE });
    expect(download).not.toHaveBeenCalled();
  });

  it('says so in one line when the binary is missing and cannot be fetched', () => {
    const decision = resolveElectron({
      platform: 'linux',
      env: withScreen,
      locate: () => null,
      exists: () => false,
      download: () => false,
    });
    expect(decision).toEqual({ kind: 'unavailable', line: UNAVAILABLE_LINE });
  });

  it('uses a binary fetched just now', () => {
    let isFetched = false;
    const decision = resolveElectron({
      platform: 'win32',
      env: {},
      locate: () => (isFetched ? 'C:/e/dist/electron.exe' : null),
      exists: () => isFetched,
      download: () => (isFetched = true),
    });
    expect(decision).toEqual({ kind: 'ready', binary: 'C:/e/dist/electron.exe' });
  });

  it('does not try to download on CI or when electron’s own opt-out is set', () => {
    for (const env of [
      { ...withScreen, CI: 'true' },
      { ...withScreen, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    ]) {
      const download = vi.fn(() => true);
      const decision = resolveElectron({ platform: 'linux', env, locate: () => null, exists: () => false, download });
      expect(decision.kind).toBe('unavailable');
      expect(download).not.toHaveBeenCalled();
    }
  });

  it('has a message that fits on one line and points to the browser mode', () => {
    expect(UNAVAILABLE_LINE).not.toContain('\n');
    expect(UNAVAILABLE_LINE).toContain('npm run start:web');
  });
});

describe('locating the binary like electron/index.js', () => {
  it('reads path.txt under electron’s dist folder, or honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(electronBinaryPath({ electronDir: '/nm/electron', relativePath: null, env: {} })).toBeNull();
    expect(electronBinaryPath({ electronDir: '/nm/electron', relativePath: 'electron', env: {} })).toBe(
      join('/nm/electron', 'dist', 'electron'),
    );
    expect(
      electronBinaryPath({
        electronDir: '/nm/electron',
        relativePath: null,
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
      }),
    ).toBe(join('/opt/e', 'electron'));
  });
});
