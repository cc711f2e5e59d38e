/** The hosts' log redaction: wherever an API key sits in a logged object, the line carries "[secret]" instead. */
import { describe, expect, it } from 'vitest';
import { capturedLogger } from './helpers';

const KEY = `production_0123456789ab_${'ef'.repeat(32)}`;

describe('log redaction', () => {
  it.each([
    { apiKey: KEY },
    { target: { mode: 'live', apiKey: KEY } },
    { deps: { platform: { baseUrl: 'https://backend.passculture.app', apiKey: KEY } } },
    { platform: { apiKey: KEY } },
    { headers: { authorization: `Bearer ${KEY}` } },
    { request: { headers: { authorization: `Bearer ${KEY}` } } },
  ])('hides the key in %j', (fields) => {
    const { logger, lines } = capturedLogger();
    logger.info(fields, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(KEY);
    expect(lines[0]).toContain('[secret]');
  });
});

describe('the log file (issue 11)', () => {
  it('never crashes on a write error (disk full): it pauses, then writes again', async () => {
    const { Writable } = await import('node:stream');
    const { createResilientDestination } = await import('../../../electron/host/logger');
    const written: string[] = [];
    let full = true;
    const destination = createResilientDestination(
      () =>
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            if (full) callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
            else {
              written.push(chunk.toString());
              callback();
            }
          },
        }),
      0,
    );
    destination.write('lost\n');
    await new Promise((r) => setImmediate(r));
    expect(destination.failure).toMatchObject({ code: 'ENOSPC' });
    full = false;
    destination.write('kept\n');
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['kept\n']);
  });

  it('rotates by size and keeps at most four files', { timeout: 30_000 }, async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createFileLogger } = await import('../../../electron/host/logger');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-log-'));
    const logger = createFileLogger(dir, 'info');
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 26_000; i++) logger.info({ line }, 'filler');
    const rotated = () => fs.readdirSync(dir).filter((f) => f.startsWith('guichet.log'));
    const size = () =>
      rotated().reduce((sum, f) => sum + (fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? 0), 0);
    // Wait until everything is written (the size stops changing).
    for (let i = 0, last = -1; i < 150; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const now = size();
      if (now === last && rotated().includes('guichet.log.1')) break;
      last = now;
    }
    const files = rotated();
    expect(files.length).toBeLessThanOrEqual(4);
    expect(files).toContain('guichet.log.1');
    const total = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(21 * 1024 * 1024);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'guichet.log')).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never logs a transport error’s cause, nor a bearer token in a message', async () => {
    const { PlatformError } = await import('../../../electron/core/platform/errors');
    const { send } = await import('../../../electron/core/platform/http');
    const { sharedPlatformDispatcher, undiciRoundTrip } = await import('../../../electron/core/platform/roundTrip');
    const { logger, lines } = capturedLogger();
    const bad = `${KEY}\n`;
    let error: unknown;
    try {
      await send(
        { baseUrl: 'http://127.0.0.1:9', apiKey: bad, roundTrip: undiciRoundTrip(sharedPlatformDispatcher()) },
        { method: 'GET', path: '/x', logPath: '/x', timeoutMs: 500 },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlatformError);
    logger.error({ err: error }, 'request failed');
    logger.error({ err: new TypeError(`Headers.append: "Bearer ${KEY}" is an invalid header value.`) }, 'raw');
    expect(lines.join('\n')).not.toContain(KEY.slice(0, 30));
  });
});
