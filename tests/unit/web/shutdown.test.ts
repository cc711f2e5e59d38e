/**
 * Defect 4 of issue 11: a WebSocket upgrade refused for its Host (421) left its socket open, and after it Ctrl+C /
 * SIGTERM no longer stopped browser mode (the orphan engine kept uploading). Every refused upgrade closes its
 * socket; SIGTERM stops browser mode within 2 s with the ledger closed cleanly. The real CLI runs in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ESM_SHIMS, EXTERNAL } from '../../../scripts/esbuildNode.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/counterUnderTest';

let workDir: string;
let cli: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-cli-'));
  // The layout of a build: dist/electron/cli.js, its migrations beside it, the renderer in dist/renderer.
  const out = path.join(workDir, 'dist', 'electron');
  cli = path.join(out, 'cli.js');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'electron/cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...EXTERNAL, 'node-thermal-printer'],
    // The product's own shims (build-node.mjs): `require` and `__dirname` for the bundled CommonJS packages.
    ...ESM_SHIMS,
    nodePaths: [path.join(REPO_ROOT, 'node_modules')],
    logLevel: 'error',
  });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(workDir, 'node_modules'));
  fs.cpSync(path.join(REPO_ROOT, 'electron/core/db/migrations'), path.join(out, 'migrations'), { recursive: true });
  fs.mkdirSync(path.join(workDir, 'dist', 'renderer'));
  fs.writeFileSync(path.join(workDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Guichet</title>');
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(workDir, { recursive: true, force: true });
});

function startWeb(dataDir: string): Promise<{ child: ChildProcess; url: URL; stderr: () => string }> {
  const child = spawn(process.execPath, [cli, 'web'], {
    cwd: workDir,
    env: { ...process.env, COUNTER_DATA_DIR: dataDir, COUNTER_PORT: '0', PASSCULTURE_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ouvrez (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: new URL(match[1]!), stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr}`)));
  });
}

/** Sends a raw upgrade request; resolves with the status line and whether the server closed the socket. */
function refusedUpgrade(port: number, host: string): Promise<{ status: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ status: data.split('\r\n')[0] ?? '', closedByServer: false });
    }, 1500);
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: data.split('\r\n')[0] ?? '', closedByServer: true });
    });
    socket.on('error', reject);
    socket.write(
      `GET /ws?session=nope HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

describe('browser mode', () => {
  it('closes refused upgrades, then stops on SIGTERM within 2 s with the ledger closed cleanly', async () => {
    const dataDir = path.join(workDir, 'data');
    const { child, url } = await startWeb(dataDir);
    const port = Number(url.port);
    expect(await refusedUpgrade(port, 'evil.example')).toEqual({
      status: 'HTTP/1.1 421 Misdirected Request',
      closedByServer: true,
    });
    expect(await refusedUpgrade(port, `127.0.0.1:${port}`)).toMatchObject({
      status: expect.stringMatching(/ 401 /),
      closedByServer: true,
    });

    const started = performance.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(2000);
    expect(code).toBe(0);
    // Closed cleanly: SQLite checkpointed and removed the WAL, and the folder's lock is free again.
    const demoDir = path.join(dataDir, 'demo');
    expect(fs.existsSync(path.join(demoDir, 'guichet.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(demoDir, 'guichet.sqlite-wal'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'guichet.log'), 'utf8')).toMatch(/"msg":"stopped"/);
  });

  it('a second browser mode on the same data folder is refused in French', async () => {
    const dataDir = path.join(workDir, 'data2');
    const first = await startWeb(dataDir);
    const second = spawn(process.execPath, [cli, 'web'], {
      cwd: workDir,
      env: { ...process.env, COUNTER_DATA_DIR: dataDir, COUNTER_PORT: '0', PASSCULTURE_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(second);
    let stderr = '';
    second.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Un autre guichet utilise déjà le dossier de données/);
    expect(stderr).toContain(`processus ${first.child.pid}`);
    first.child.kill('SIGTERM');
  });
});
