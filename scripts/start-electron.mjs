// `npm start`, after the build: launches Electron on this project when it can; otherwise says so in one line and
// runs the browser mode instead (`dist/electron/cli.js web`, which prints the URL to open), so the README's first
// command always starts the guichet. Real failures (native rebuild, Electron crashing) still exit non-zero.
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

/** Same engine and interface, served on 127.0.0.1; its exit code becomes ours, Ctrl+C reaches it. */
function runBrowserMode() {
  console.error(UNAVAILABLE_LINE);
  const cli = join(root, 'dist', 'electron', 'cli.js');
  if (!existsSync(cli)) {
    console.error('Le guichet n’est pas compilé : lancez « npm start » (ou « npm run build » avant ce script).');
    process.exit(1);
  }
  const web = spawn(process.execPath, [cli, 'web'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}

let fellBack = false;
function unavailable() {
  if (fellBack) return;
  fellBack = true;
  runBrowserMode();
}

const dir = electronDir();
const decision =
  dir === null
    ? { kind: 'unavailable' }
    : resolveElectron({
        platform: process.platform,
        env: process.env,
        locate: () => electronBinaryPath({ electronDir: dir, relativePath: readPathFile(dir), env: process.env }),
        exists: existsSync,
        download: () => downloadElectron(dir),
      });
if (decision.kind === 'unavailable') unavailable();
else launchElectron(decision.binary);

function launchElectron(binary) {
  if (!existsSync(join(root, 'dist', 'electron', 'main.js'))) {
    console.error('Le guichet n’est pas compilé : lancez « npm start » (ou « npm run build » avant ce script).');
    process.exit(1);
  }
  if (!isSqliteBuiltForElectron(binary) && !rebuildNativeForElectron()) {
    console.error('better-sqlite3 n’a pas pu être recompilé pour Electron : voir les messages ci-dessus.');
    process.exit(1);
  }

  // A terminal inherited from VS Code may carry ELECTRON_RUN_AS_NODE, which would start Electron as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: root, env, stdio: 'inherit' });
  child.on('error', unavailable);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}
