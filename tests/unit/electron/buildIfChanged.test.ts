/**
 * `npm start`'s build step (scripts/build-if-changed.mjs) rebuilds only the part whose sources changed, says what it
 * does on a first start, and stays silent when nothing changed. Run on a copy of the script in a scratch project whose
 * two builders (Vite's CLI, build-node.mjs) are stand-ins that count their runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/counterUnderTest';

let project: string;

/** A builder stand-in: empties its output folder (as Vite and build-node.mjs do), writes one file, counts its run. */
function standIn(outDir: string, counter: string): string {
  return [
    "import fs from 'node:fs';",
    `fs.rmSync(${JSON.stringify(outDir)}, { recursive: true, force: true });`,
    `fs.mkdirSync(${JSON.stringify(outDir)}, { recursive: true });`,
    `fs.writeFileSync(${JSON.stringify(path.join(outDir, 'built.txt'))}, 'built');`,
    `fs.appendFileSync(${JSON.stringify(counter)}, 'x');`,
  ].join('\n');
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
}

function runs(part: 'renderer' | 'node'): number {
  const file = path.join(project, `${part}.runs`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').length : 0;
}

function start(): string {
  const result = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: project, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stderr;
}

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-build-'));
  fs.mkdirSync(path.join(project, 'scripts'));
  fs.copyFileSync(
    path.join(REPO_ROOT, 'scripts', 'build-if-changed.mjs'),
    path.join(project, 'scripts', 'build-if-changed.mjs'),
  );
  write(
    'node_modules/vite/bin/vite.js',
    standIn(path.join(project, 'dist/renderer'), path.join(project, 'renderer.runs')),
  );
  write('scripts/build-node.mjs', standIn(path.join(project, 'dist/electron'), path.join(project, 'node.runs')));
  write('renderer/main.tsx', 'export {};');
  write('electron/main.ts', 'export {};');
  write('shared/contract.ts', 'export {};');
  write('package-lock.json', '{}');
});

afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('npm start builds only what changed', () => {
  it('builds both parts on a first start and says so, then nothing while nothing changes', () => {
    expect(start()).toMatch(/Première compilation du guichet \(interface et moteur\)/);
    expect([runs('renderer'), runs('node')]).toEqual([1, 1]);
    expect(start()).toBe('');
    expect([runs('renderer'), runs('node')]).toEqual([1, 1]);
  });

  it('rebuilds the interface alone for a renderer change, both for a shared one', () => {
    start();
    write('renderer/main.tsx', 'export const changed = 1;');
    expect(start()).toMatch(/Recompilation de ce qui a changé \(interface\)/);
    expect([runs('renderer'), runs('node')]).toEqual([2, 1]);
    write('shared/contract.ts', 'export const changed = 1;');
    start();
    expect([runs('renderer'), runs('node')]).toEqual([3, 2]);
    write('electron/new.ts', 'export {};');
    start();
    expect([runs('renderer'), runs('node')]).toEqual([3, 3]);
  });

  it('rebuilds a part that another build replaced (its stamp went with the old output)', () => {
    start();
    fs.rmSync(path.join(project, 'dist/renderer'), { recursive: true });
    fs.mkdirSync(path.join(project, 'dist/renderer'));
    start();
    expect([runs('renderer'), runs('node')]).toEqual([2, 1]);
  });

  it('stops with a French message when a build fails, and builds it again next time', () => {
    write('scripts/build-node.mjs', 'process.exit(3);');
    const result = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/Échec de la compilation \(moteur\)/);
    write('scripts/build-node.mjs', standIn(path.join(project, 'dist/electron'), path.join(project, 'node.runs')));
    start();
    expect(runs('node')).toBe(1);
    expect(start()).toBe('');
  });
});
