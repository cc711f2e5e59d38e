/**
 * The README's first command always runs the guichet: where Electron cannot start (here: no display, and no binary
 * download in CI), `npm start`'s launcher says so in one line and runs browser mode, which prints the URL to open.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/counterUnderTest';

let home: string;
let launcher: ChildProcess | null = null;

beforeAll(() => {
  // `npm start` builds first; `npm test` only builds the renderer.
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/electron/cli.js'))) {
    expect(spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: REPO_ROOT }).status).toBe(0);
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) {
    expect(spawnSync('npm', ['run', 'build:renderer'], { cwd: REPO_ROOT }).status).toBe(0);
  }
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-start-'));
}, 120_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(home, { recursive: true, force: true });
});

describe('npm start where Electron cannot start', () => {
  it('falls back to browser mode by itself and prints the URL, which serves the guichet', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      CI: '1',
      COUNTER_DATA_DIR: path.join(home, 'data'),
    };
    launcher = spawn(process.execPath, ['scripts/start-electron.mjs'], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    launcher.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 30 s; stderr: ${stderr}`)), 30_000);
      launcher!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /ouvrez (http:\/\/127\.0\.0\.1:\d+\/\?session=\S+)/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      launcher!.once('exit', (code) => reject(new Error(`exited (${code}) before printing a URL; stderr: ${stderr}`)));
    });
    expect(stderr).toMatch(/Electron ne peut pas démarrer ici .* mode navigateur/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
  }, 60_000);
});
