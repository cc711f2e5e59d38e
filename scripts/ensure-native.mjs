// `npm pretest`: better-sqlite3 must load under this Node. After `npm start`, it is built for Electron's ABI and
// every database test would fail with NODE_MODULE_VERSION; rebuild it for Node then. Silent when nothing to do,
// one line when it acted.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Opening a database loads the native addon (a bare require does not). In a child process: a failed addon
// stays loaded in the process that tried it, so a retry there would see the old one.
const PROBE = "require('better-sqlite3')(':memory:').close()";
const REBUILD_TIMEOUT_MS = 10 * 60_000;
/** Messages of an addon built for another runtime, or never built. */
const WRONG_BUILD =
  /NODE_MODULE_VERSION|was compiled against a different Node\.js version|Could not locate the bindings file/;

function probe() {
  const result = spawnSync(process.execPath, ['-e', PROBE], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, stderr: result.stderr ?? '' };
}

function firstLine(text) {
  return (
    text
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim() ??
    text.trim().split('\n')[0] ??
    ''
  );
}

/** Through the npm that runs this script when there is one (npm_execpath), so Windows needs no shell. */
function rebuild() {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli
    ? [process.execPath, [npmCli, 'rebuild', 'better-sqlite3']]
    : ['npm', ['rebuild', 'better-sqlite3']];
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'ignore',
    timeout: REBUILD_TIMEOUT_MS,
    shell: !npmCli && process.platform === 'win32',
  });
  return result.status === 0;
}

const first = probe();
if (!first.ok) {
  if (!WRONG_BUILD.test(first.stderr)) {
    console.error(`better-sqlite3 ne se charge pas sous Node ${process.version} : ${firstLine(first.stderr)}`);
    process.exit(1);
  }
  // One line, finished once the outcome is known (the rebuild can take a minute).
  process.stderr.write(`better-sqlite3 n’est pas compilé pour Node ${process.version} : recompilation… `);
  if (rebuild() && probe().ok) {
    process.stderr.write('faite.\n');
  } else {
    process.stderr.write('échec (lancez « npm rebuild better-sqlite3 » pour voir l’erreur).\n');
    process.exit(1);
  }
}
