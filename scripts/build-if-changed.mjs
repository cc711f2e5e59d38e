// `npm start` / `npm run start:web`: rebuilds only the parts whose sources changed since their last build, and never
// typechecks (that is `npm test`'s job, and took ~25 s of every start). Each part's output folder holds a stamp: the
// hash of the sources it was built from. Any other build of that part (`npm run build`, `build:renderer`) empties
// the folder first, stamp included, so a stamp can only describe the output it sits in.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.sources-hash';

/** What each part is built from (folders are walked), and how. */
const PARTS = [
  {
    name: 'interface',
    built: 'interface compilée',
    out: join(root, 'dist', 'renderer'),
    sources: ['renderer', 'shared', 'package-lock.json', 'tsconfig.web.json', 'tsconfig.base.json'],
    command: [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'error',
    ],
  },
  {
    name: 'moteur',
    built: 'moteur compilé',
    out: join(root, 'dist', 'electron'),
    sources: [
      'electron',
      'shared',
      'scripts/build-node.mjs',
      'scripts/esbuildNode.mjs',
      'package-lock.json',
      'tsconfig.node.json',
    ],
    command: [join(root, 'scripts', 'build-node.mjs')],
  },
];

/** The files under `source` (a folder, walked) or `source` itself (a file), relative to the project. */
function filesOf(source) {
  const full = join(root, source);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [source];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function sourcesHash(sources) {
  const hash = createHash('sha256');
  for (const file of sources.flatMap(filesOf).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function stampOf(out) {
  try {
    return readFileSync(join(out, STAMP), 'utf8');
  } catch {
    return null;
  }
}

const stale = [];
for (const part of PARTS) {
  const hash = sourcesHash(part.sources);
  const stamp = stampOf(part.out);
  if (stamp !== hash) stale.push({ ...part, hash, first: stamp === null });
}
if (stale.length > 0) {
  const first = stale.every((part) => part.first);
  const names = stale.map((part) => part.name).join(' et ');
  console.error(
    first
      ? `Première compilation du guichet (${names}) : quelques secondes, les démarrages suivants ne recompilent que ce qui a changé…`
      : `Recompilation de ce qui a changé (${names})…`,
  );
}
for (const part of stale) {
  const started = Date.now();
  const result = spawnSync(process.execPath, part.command, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error(`Échec de la compilation (${part.name}) : corrigez l’erreur ci-dessus, puis relancez.`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(join(part.out, STAMP), part.hash);
  console.error(`  ${part.built} en ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
