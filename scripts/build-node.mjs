// Bundles the Node side with esbuild: the Electron main process (ESM), its sandboxed preload (CommonJS) and,
// when present, the headless CLI (ESM for Node 20). Native modules stay external: they are loaded from
// node_modules at run time (unpacked from the asar when packaged) and rebuilt per runtime.
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESM_SHIMS, EXTERNAL } from './esbuildNode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'electron');

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, external: EXTERNAL };

const targets = [
  {
    // ESM because package.json says "type": "module" and names main.js; Electron loads ESM mains since v28.
    ...common,
    ...ESM_SHIMS,
    entryPoints: ['electron/main.ts'],
    outfile: join(outDir, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
  },
  {
    // Sandboxed preloads run in the renderer with a CommonJS `require` limited to a few Electron modules.
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome120',
    external: ['electron'],
  },
  {
    ...common,
    ...ESM_SHIMS,
    entryPoints: ['electron/cli.ts'],
    outfile: join(outDir, 'cli.js'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    optional: true,
  },
];

rmSync(outDir, { recursive: true, force: true });
let failed = 0;
for (const { optional, ...options } of targets) {
  const entry = options.entryPoints[0];
  if (optional && !existsSync(join(root, entry))) continue;
  // Every entry is attempted, so one broken import does not hide another's errors.
  await build(options).catch(() => {
    // esbuild has already printed the errors with their locations.
    console.error(`Échec de la compilation de ${entry}.`);
    failed += 1;
  });
}
if (failed > 0) process.exit(1);

// Files the bundle reads at run time: drizzle migrations (SQL + journal) travel next to main.js, since only dist/
// is packaged. The core should find them relative to `import.meta.url`, which is dist/electron/ once bundled.
const migrations = join(root, 'electron', 'core', 'db', 'migrations');
if (existsSync(migrations)) cpSync(migrations, join(outDir, 'migrations'), { recursive: true });
