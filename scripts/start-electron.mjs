// `npm start`, after the build: launches Electron on this project when it can, otherwise says in one line to use
// the browser mode. Exit code 0 in that case: it is a property of the machine, not a failure of the app, and a
// non-zero code would make npm bury the line under its own error block. Real failures (native rebuild, Electron
// crashing) still exit non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UNAVAILABLE_LINE, electronBinaryPath, resolveElectron } from './electron-availability.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Long enough for a cached or fast fetch, short enough that an offline machine is not left waiting.
const DOWNLOAD_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 20_000;

function electronDir() {
  try {
    // package.json, not the package itself: requiring 'electron' from Node starts the unbounded download.
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readPathFile(dir) {
  try {
    return readFileSync(join(dir, 'path.txt'), 'utf8');
  } catch {
    return null;
  }
}

/** electron's own installer, silenced (it prints a stack trace when offline) and killed after the timeout. */
function downloadElectron(dir) {
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return result.status === 0;
}

/** Loads better-sqlite3 inside Electron (run as Node, no window): fails when it was built for another ABI. */
function isSqliteBuiltForElectron(binary) {
  const result = spawnSync(binary, ['-e', "require('better-sqlite3')(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: PROBE_TIMEOUT_MS,
  });
  return result.status === 0;
}

function rebuildNativeForElectron() {
  console.error('Recompilation de better-sqlite3 pour Electron (electron-builder install-app-deps)…');
  const cli = require.resolve('electron-builder/cli.js');
  return spawnSync(process.execPath, [cli, 'install-app-deps'], { cwd: root, stdio: 'inherit' }).status === 0;
}

function unavailable() {
  console.error(UNAVAILABLE_LINE);
  process.exit(0);
}

const dir = electronDir();
if (dir === null) unavailable();
const decision = resolveElectron({
  platform: process.platform,
  env: process.env,
  locate: () => electronBinaryPath({ electronDir: dir, relativePath: readPathFile(dir), env: process.env }),
  exists: existsSync,
  download: () => downloadElectron(dir),
});
if (decision.kind === 'unavailable') unavailable();

if (!existsSync(join(root, 'dist', 'electron', 'main.js'))) {
  console.error('Le guichet n’est pas compilé : lancez « npm start » (ou « npm run build » avant ce script).');
  process.exit(1);
}
if (!isSqliteBuiltForElectron(decision.binary) && !rebuildNativeForElectron()) {
  console.error('better-sqlite3 n’a pas pu être recompilé pour Electron : voir les messages ci-dessus.');
  process.exit(1);
}

// A terminal inherited from VS Code may carry ELECTRON_RUN_AS_NODE, which would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(decision.binary, ['.'], { cwd: root, env, stdio: 'inherit' });
child.on('error', unavailable);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
