/**
 * What the page gets as `window.guichet`: `call` and `on`, checked, and nothing that reaches IPC directly.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, callChannel } from '../../../shared/channels';
import type { GuichetApi } from '../../../shared/contract';

const electron = vi.hoisted(() => {
  type Handler = (event: unknown, message: unknown) => void;
  const handlers = new Set<Handler>();
  return {
    exposed: new Map<string, unknown>(),
    handlers,
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
      on: vi.fn((_channel: string, handler: Handler) => handlers.add(handler)),
      removeListener: vi.fn((_channel: string, handler: Handler) => handlers.delete(handler)),
    },
    /** Main sending on EVENT_CHANNEL; the fake IPC event carries a sender the page must never see. */
    push(message: unknown) {
      for (const handler of handlers) handler({ sender: 'ipcRenderer itself' }, message);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: electron.ipcRenderer,
}));

let api: GuichetApi;
beforeAll(async () => {
  await import('../../../electron/preload');
  api = electron.exposed.get('guichet') as GuichetApi;
});
beforeEach(() => vi.clearAllMocks());

describe('the page’s API', () => {
  it('is exposed once, as window.guichet, with call and on only', () => {
    expect([...electron.exposed.keys()]).toEqual(['guichet']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
  });

  it('sends a known call on its channel and answers what main answered', async () => {
    const answer = await api.call('counter.lookup', { text: 'ABC123' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(callChannel('counter.lookup'), {
      text: 'ABC123',
    });
    expect(answer).toEqual({ ok: true, value: 'from main' });
  });

  it('refuses an unknown call name without sending anything', async () => {
    const call = api.call as (name: unknown, input: unknown) => Promise<unknown>;
    for (const name of ['system.exec', 'guichet:event', '', 42, null]) {
      expect(await call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('events', () => {
  it('reach listeners of their name only, as the bare payload', () => {
    const listener = vi.fn();
    const stop = api.on('ledger.changed', listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    electron.push({ name: 'ledger.changed', payload: { entryId: 3, kind: 'validation' } });
    electron.push({ name: 'something.else', payload: { entryId: 4 } });
    electron.push('not a message');
    expect(listener).toHaveBeenCalledExactlyOnceWith({ entryId: 3, kind: 'validation' });
    stop();
  });

  it('stop reaching a listener once it unsubscribed', () => {
    const listener = vi.fn();
    const stop = api.on('ledger.changed', listener);
    stop();
    electron.push({ name: 'ledger.changed', payload: { entryId: 5, kind: 'undo' } });
    expect(listener).not.toHaveBeenCalled();
    expect(electron.handlers.size).toBe(0);
  });
});
