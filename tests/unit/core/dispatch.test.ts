/**
 * The contract boundary never puts developer text on screen: an unexpected error or a refused input reaches the
 * manager as French with a short reference, and the log keeps the technical account under that reference.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';

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
    const envelope = await createDispatcher(handlers, logger)('app.info', {});
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
    const envelope = await createDispatcher(handlers, logger)('counter.lookup', { text: 42 });
    if (envelope.ok) throw new Error('accepted');
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.message).not.toMatch(/expected|Invalid input|received/i);
    expect(envelope.error.message).toMatch(/^Le guichet a refusé sa propre demande \(référence [0-9A-F]{6}\)/);
    expect(JSON.stringify(lines.at(-1))).toMatch(/expected string/i);
  });
});
