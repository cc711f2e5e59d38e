/** Issue 11, defect 9: `null` is an input (not "no parameters"), and explanations of bad input are in French. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';

const dispatch = createDispatcher(
  {
    'app.info': () => ({ mode: 'demo', counterName: 'C', venue: null, platformHost: 'h', version: '1' }),
    'counter.validate': () => {
      throw new Error('unreachable');
    },
  } as unknown as Handlers,
  pino({ level: 'silent' }),
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
    expect(message).toMatch(/Demande invalide : .*attendu.*nombre reçu/);
    expect(message).not.toMatch(/expected|received/i);
  });
});
