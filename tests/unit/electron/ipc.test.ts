/**
 * The contract on IPC: every call reaches the core from the guichet page, and from nowhere else.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { forwardEvents, registerContract } from '../../../electron/ipc';
import type { IpcMainLike, SenderEvent } from '../../../electron/ipc';
import type { EventListener } from '../../../electron/core/types';
import { CALL_NAMES, EVENT_CHANNEL, callChannel } from '../../../shared/channels';
import type { Envelope } from '../../../shared/contract';

const appPage = pathToFileURL('/opt/guichet/dist/renderer/index.html').href;
type Handler = (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>;

function setUp() {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      registrations.push(channel);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const envelope: Envelope<unknown> = { ok: true, value: { counterName: 'Caisse 1' } };
  const dispatch = vi.fn(async () => envelope);
  const warn = vi.fn();
  const ourContents = { id: 1 };
  const mainFrame = { url: appPage, parent: null };
  const dispose = registerContract({
    ipcMain,
    core: { dispatch },
    trustedContents: () => ourContents,
    appPageUrl: appPage,
    logger: { warn } as never,
  });
  const invoke = (channel: string, event: SenderEvent, input: unknown) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`nothing handles ${channel}`);
    return handler(event, input);
  };
  return { handlers, registrations, dispatch, warn, ourContents, mainFrame, envelope, dispose, invoke };
}

describe('registering the contract', () => {
  it('handles every call name exactly once, on its own channel', () => {
    const { registrations } = setUp();
    expect(registrations).toEqual(CALL_NAMES.map(callChannel));
    expect(new Set(registrations).size).toBe(CALL_NAMES.length);
  });

  it('removes every handler when disposed', () => {
    const { handlers, dispose } = setUp();
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('a call from the guichet page', () => {
  it('reaches the core with its name and input, and answers the core’s envelope', async () => {
    const { invoke, ourContents, mainFrame, dispatch, envelope } = setUp();
    const answer = await invoke(
      callChannel('counter.lookup'),
      { sender: ourContents, senderFrame: mainFrame },
      {
        text: 'ABC123',
      },
    );
    // With the window's name, so the engine knows who is signed in there (staff, issue 15).
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(
      'counter.lookup',
      { text: 'ABC123' },
      { terminal: expect.stringMatching(/^electron-\d+$/) },
    );
    expect(answer).toBe(envelope);
  });
});

describe('a call from anywhere else', () => {
  const strangers: Array<[string, (s: ReturnType<typeof setUp>) => SenderEvent]> = [
    ['another window', (s) => ({ sender: { id: 2 }, senderFrame: s.mainFrame })],
    [
      'a sub-frame of our window',
      (s) => ({ sender: s.ourContents, senderFrame: { url: appPage, parent: s.mainFrame } }),
    ],
    [
      'our window after navigating away',
      (s) => ({ sender: s.ourContents, senderFrame: { url: 'https://evil.example/', parent: null } }),
    ],
    ['a frame already gone', (s) => ({ sender: s.ourContents, senderFrame: null })],
  ];

  it.each(strangers)('is refused when it comes from %s, without reaching the core', async (_label, from) => {
    const setup = setUp();
    const answer = await setup.invoke(callChannel('counter.validate'), from(setup), { token: 'ABC123' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(setup.dispatch).not.toHaveBeenCalled();
    expect(setup.warn).toHaveBeenCalledOnce();
  });

  it('is refused while the guichet window does not exist', async () => {
    const dispatch = vi.fn();
    let handler: Handler | undefined;
    registerContract({
      ipcMain: { handle: (_channel, listener) => (handler ??= listener), removeHandler: () => undefined },
      core: { dispatch },
      trustedContents: () => null,
      appPageUrl: appPage,
      logger: { warn: () => undefined } as never,
    });
    const answer = await handler?.({ sender: null, senderFrame: { url: appPage, parent: null } }, {});
    expect(answer).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('core events', () => {
  function fakeCore() {
    const listeners: EventListener[] = [];
    return {
      onEvent(listener: EventListener) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      emit: (payload: unknown) => listeners.forEach((listener) => listener('ledger.changed', payload)),
    };
  }

  it('are sent to the window on the event channel, with their name', () => {
    const core = fakeCore();
    const send = vi.fn();
    forwardEvents(core, () => ({ send }));
    core.emit({ entryId: 7, kind: 'validation' });
    expect(send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, {
      name: 'ledger.changed',
      payload: { entryId: 7, kind: 'validation' },
    });
  });

  it('are dropped while there is no window, and stop once unsubscribed', () => {
    const core = fakeCore();
    const send = vi.fn();
    let hasWindow = false;
    const stop = forwardEvents(core, () => (hasWindow ? { send } : null));
    core.emit({ entryId: 1, kind: 'lookup' });
    hasWindow = true;
    stop();
    core.emit({ entryId: 2, kind: 'lookup' });
    expect(send).not.toHaveBeenCalled();
  });
});
