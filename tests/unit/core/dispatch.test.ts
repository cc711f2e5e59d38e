/**
 * The contract boundary never puts developer text on screen: an unexpected error or a refused input reaches the
 * manager as French with a short reference, and the log keeps the technical account under that reference.
 * `null` is an input (not "no parameters") and explanations of bad input are in French (issue 11, defect 9).
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Authorize, type Handlers } from '../../../electron/core/dispatch';

/** These tests are about the envelope, not roles: every call is the implicit manager's. */
const anyone: Authorize = (_name, caller) => ({ ...caller, personId: null, personName: null, role: 'manager' });

const dispatch = createDispatcher(
  {
    'app.info': () => ({ mode: 'demo', counterName: 'C', venue: null, platformHost: 'h', version: '1' }),
    'counter.validate': () => {
      throw new Error('unreachable');
    },
  } as unknown as Handlers,
  pino({ level: 'silent' }),
  anyone,
);

describe('the contract boundary', () => {
  it('reads a missing input as no parameters, but refuses null', async () => {
    expect(await dispatch('app.info', undefined)).toMatchObject({ ok: true });
    expect(await dispatch('app.info', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('explains a wrong input in French', async () => {
    const result = await dispatch('counter.validate', { token: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/refusé sa propre demande \(référence [0-9A-F]{6}\) : .*attendu.*nombre reçu/);
    expect(message).not.toMatch(/expected|received/i);
  });
});

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('errors at the contract boundary', () => {
  it('an unexpected error shows French and a reference, never its raw message; the log has it', async () => {
    const { logger, lines } = recordingLogger();
    const handlers = {
      'app.info': () => {
        throw new Error("ENOENT: no such file or directory, open '/home/caisse/.guichet/demo/guichet.db'");
      },
    } as unknown as Handlers;
    const envelope = await createDispatcher(handlers, logger, anyone)('app.info', {});
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('internal');
    expect(envelope.error.message).not.toMatch(/ENOENT|\/home|guichet\.db/);
    const ref = /référence ([0-9A-F]{6})/.exec(envelope.error.message)?.[1];
    expect(ref).toBeDefined();
    const logged = lines.find((line) => line.ref === ref);
    expect(JSON.stringify(logged)).toContain('ENOENT');
  });

  it('an input refused by its schema says so in French, zod’s English in the log only', async () => {
    const { logger, lines } = recordingLogger();
    const handlers = { 'counter.lookup': () => ({}) } as unknown as Handlers;
    const envelope = await createDispatcher(handlers, logger, anyone)('counter.lookup', { text: 42 });
    if (envelope.ok) throw new Error('accepted');
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.message).not.toMatch(/expected|Invalid input|received/i);
    expect(envelope.error.message).toMatch(/Le guichet a refusé sa propre demande \(référence [0-9A-F]{6}\)/);
    const logged = JSON.stringify(lines.at(-1));
    expect(logged).toMatch(/"code":"invalid_type"/);
    expect(logged).toMatch(/"expected":"string"/);
  });
});
