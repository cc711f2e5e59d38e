/**
 * Defect 3 of issue 11: a full disk killed the engine (an unhandled ENOSPC on the log stream) and the cashier saw
 * SQLite's English. On a real small tmpfs (mounted here when running as root, as CI does): the engine stays up,
 * lookups still answer, validations are refused in French until space returns, nothing shown as done is lost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, StatusView, Validation, Verdict } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core';
import { createFileLogger } from '../../../electron/host/logger';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { addSandboxBooking } from '../../support/sandboxControl';

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-tmpfs-'));
const mounted = tryMountTmpfs(mountPoint, '4m');
let sandbox: Sandbox;
let core: Core;

beforeAll(async () => {
  if (!mounted) return;
  sandbox = await startSandbox({ rateLimitPerMinute: null });
  core = await createCore({
    dataDir: path.join(mountPoint, 'data'),
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Caisse disque',
    logger: createFileLogger(path.join(mountPoint, 'data', 'logs'), 'debug'),
    syncPeriodMs: 0,
    rateLimitPerMinute: 100_000,
  });
});
afterAll(async () => {
  await core?.close();
  await sandbox?.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

function fill(file: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const fd = fs.openSync(file, 'w');
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  // Whatever is left in the last partial block too.
  try {
    fs.appendFileSync(file, Buffer.alloc(4096, 1));
  } catch {
    // full
  }
}

describe.skipIf(!mounted)('a full disk (tmpfs of 4 MB)', () => {
  it('keeps the engine up, refuses validations in French until space returns, and loses nothing', async () => {
    const before = await addSandboxBooking(sandbox.url);
    const saved = (await core.dispatch('counter.validate', { token: before.token })) as Envelope<Validation>;
    expect(saved.ok).toBe(true);

    const filler = path.join(mountPoint, 'filler');
    fill(filler);
    const booking = await addSandboxBooking(sandbox.url);
    // A lookup still answers (its ledger row is a record of a consultation, not a promise).
    const verdict = (await core.dispatch('counter.lookup', { text: booking.token })) as Envelope<Verdict>;
    expect(verdict).toMatchObject({ ok: true, value: { kind: 'valid' } });
    let refused: Envelope<unknown> | null = null;
    // Several tries: a validation may still fit in space the lookup left; the disk fills up within a few.
    for (let i = 0; i < 20; i++) {
      const b = i === 0 ? booking : await addSandboxBooking(sandbox.url);
      const attempt = await core.dispatch('counter.validate', { token: b.token });
      if (!attempt.ok) {
        refused = attempt;
        break;
      }
    }
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'disk_full',
        message: expect.stringMatching(/disque plein : les validations ne peuvent plus être enregistrées/i),
      },
    });
    expect(JSON.stringify(refused)).not.toMatch(/database or disk is full|SQLITE/);
    const status = (await core.dispatch('status.get', {})) as Envelope<StatusView>;
    expect(status).toMatchObject({ ok: true, value: { diskFull: true } });

    // Space returns: validations are accepted again, and what was stored before is still there.
    fs.rmSync(filler);
    const after = await addSandboxBooking(sandbox.url);
    const again = (await core.dispatch('counter.validate', { token: after.token })) as Envelope<Validation>;
    expect(again).toMatchObject({ ok: true });
    const journal = (await core.dispatch('ledger.today', {})) as Envelope<{ rows: { token: string; kind: string }[] }>;
    const validated = journal.ok ? journal.value.rows.filter((r) => r.kind === 'validation').map((r) => r.token) : [];
    expect(validated).toEqual(expect.arrayContaining([before.token, after.token]));
    expect((await core.dispatch('status.get', {})) as Envelope<StatusView>).toMatchObject({
      value: { diskFull: false },
    });
  });
});
