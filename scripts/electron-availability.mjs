// Can Electron start here? Pure decisions, so tests can ask without a display or a binary. Electron 45 fetches its
// binary lazily the first time `require('electron')` runs, and that blocks with no timeout when offline: the
// launcher therefore locates the binary itself (as electron/index.js does) and bounds any download.
import { join } from 'node:path';

export const UNAVAILABLE_LINE =
  'Electron ne peut pas démarrer ici (binaire indisponible ou pas d’écran) : le guichet démarre en mode navigateur, comme « npm run start:web ».';

/** Only Linux needs an X11 or Wayland display named in the environment; Windows and macOS always have a screen. */
export function hasDisplay(platform, env) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The binary electron/index.js would run, or null when it was never fetched. `relativePath` is the content of
 * electron's path.txt (null when absent); ELECTRON_OVERRIDE_DIST_PATH wins, as in electron/index.js.
 */
export function electronBinaryPath({ electronDir, relativePath, env }) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath ?? 'electron');
  return relativePath ? join(electronDir, 'dist', relativePath) : null;
}

/** No download where none is wanted: CI, or whoever set electron's own opt-out. */
export function mayDownload(env) {
  return !env.CI && !env.ELECTRON_SKIP_BINARY_DOWNLOAD;
}

/**
 * Decides whether to launch. `locate()` returns the binary path or null, `exists(path)` checks it, `download()`
 * tries a bounded fetch and returns whether it succeeded. Never throws.
 * @returns {{ kind: 'ready', binary: string } | { kind: 'unavailable', line: string }}
 */
export function resolveElectron({ platform, env, locate, exists, download }) {
  const unavailable = { kind: 'unavailable', line: UNAVAILABLE_LINE };
  // The display is checked first: without one there is no point fetching 100 MB.
  if (!hasDisplay(platform, env)) return unavailable;
  const found = () => {
    const binary = locate();
    return binary !== null && exists(binary) ? binary : null;
  };
  const present = found();
  if (present !== null) return { kind: 'ready', binary: present };
  if (!mayDownload(env) || !download()) return unavailable;
  const fetched = found();
  return fetched !== null ? { kind: 'ready', binary: fetched } : unavailable;
}
