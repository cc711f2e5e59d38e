/**
 * "Where is `X.y` handled?" has one answer: the call-name list (shared/channels.ts, what the preload checks) and the
 * schemas (shared/contract.ts) are the same set, and every call is handled by exactly one dispatcher — the core's,
 * or the host’s for account, database and LAN calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES } from '../../../shared/channels';
import { calls, events } from '../../../shared/contract';
import { ContractCallError } from '../../../electron/core/client';
import { oneHandlerEach } from '../../../electron/core/dispatch';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';

const HOST_CALLS = /^(account|database|lan)\./;

describe('call names', () => {
  it('the call-name list and the schemas are the same set, each name once', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(calls).sort());
  });

  it('the event-name list and the event schemas are the same set, each name once', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });
});

describe('handler maps', () => {
  it('a call handled by two domains is refused at start-up, not silently overridden', () => {
    const first = { 'app.info': () => 'first' };
    expect(() => oneHandlerEach(first, { 'ledger.today': () => 1 }, { 'app.info': () => 'second' })).toThrow(
      'two handlers for the call app.info',
    );
    expect(Object.keys(oneHandlerEach(first, { 'ledger.today': () => 1 }))).toEqual(['app.info', 'ledger.today']);
  });
});

describe('one dispatcher per side', () => {
  let counter: CounterUnderTest;
  beforeAll(async () => {
    counter = await startCounter();
  });
  afterAll(async () => {
    await counter?.close();
  });

  it('the core handles every call but the host’s, and nothing else', async () => {
    for (const name of CALL_NAMES) {
      // `null` is never a valid input (calls take objects): a handled call is refused by its schema, before running.
      const envelope = await counter.core.dispatch(name, null);
      expect(envelope.ok).toBe(false);
      const code = envelope.ok ? null : envelope.error.code;
      expect([name, code]).toEqual([name, HOST_CALLS.test(name) ? 'unknown_call' : 'invalid_input']);
    }
    const unknown = await counter.core.dispatch('counter.nothing', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown_call');
  });

  it('the typed client returns the value, or throws the contract failure', async () => {
    const info = await counter.core.call('app.info');
    expect(info.mode).toBe('demo');
    const refused = counter.core.call('counter.lookup', { text: 'ZZZ' });
    await expect(refused).rejects.toBeInstanceOf(ContractCallError);
    await expect(refused).rejects.toMatchObject({ code: 'not_a_countermark' });
  });
});
