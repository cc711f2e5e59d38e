/**
 * The supervisor between the hosts and the core, with fake cores (the engine is not needed to test who answers
 * what) and the real sandbox as the platform account.test/save check keys against:
 * - every call but `account.*` goes to the current core; core events come out of the supervisor;
 * - saving an account swaps cores with no call lost and events re-attached, each account in its own data folder;
 * - environment variables win over the saved account, which wins over demo;
 * - the API key never appears in an answer, an event, account.json or a log line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { accountViewSchema } from '../../../shared/contract';
import { ACCOUNT_FILE } from '../../../electron/host/accountStore';
import { accountDataDir } from '../../../electron/host/bootstrap';
import { PRODUCTION_API_URL } from '../../../electron/host/config';
import { PLAIN_SECRET_FILE } from '../../../electron/host/secretStore';
import { startSupervisor, type Supervisor, type SupervisorOptions } from '../../../electron/host/supervisor';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { capturedLogger, closedPort, deferred, fakeCores, tempDir } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

interface Setup {
  supervisor: Supervisor;
  cores: ReturnType<typeof fakeCores>;
  dir: string;
  lines: string[];
  events: Array<{ name: string; payload: unknown }>;
  answers: Envelope<unknown>[];
  call(name: string, input?: unknown): Promise<Envelope<unknown>>;
}

const running: Setup[] = [];
afterEach(async () => {
  for (const setup of running.splice(0)) {
    await setup.supervisor.close();
    fs.rmSync(setup.dir, { recursive: true, force: true });
  }
});

async function setup(options: Partial<SupervisorOptions> & { dir?: string } = {}): Promise<Setup> {
  const dir = options.dir ?? tempDir();
  const { logger, lines } = capturedLogger();
  const cores = fakeCores();
  const supervisor = await startSupervisor({
    env: {},
    defaultDataDir: dir,
    logger,
    startCore: cores.startCore,
    accountTestTimeoutMs: 2000,
    ...options,
  });
  const events: Setup['events'] = [];
  supervisor.onEvent((name, payload) => events.push({ name, payload }));
  const answers: Envelope<unknown>[] = [];
  const s: Setup = {
    supervisor,
    cores,
    dir,
    lines,
    events,
    answers,
    async call(name, input = {}) {
      const answer = await supervisor.dispatch(name, input);
      answers.push(answer);
      return answer;
    },
  };
  running.push(s);
  return s;
}

function sandboxAccount(extra: Record<string, unknown> = {}) {
  return {
    environment: 'custom',
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    venueIds: [1],
    counterName: 'Caisse 2',
    ...extra,
  };
}

function value<T = Record<string, unknown>>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('calls and events', () => {
  it('hands every call but account.* to the current core, unchanged, and passes its events on', async () => {
    const s = await setup();
    const core = s.cores.last();
    expect(await s.call('counter.lookup', { text: 'ABC123' })).toEqual({
      ok: true,
      value: { core: 'core1', name: 'counter.lookup', input: { text: 'ABC123' } },
    });
    // Unknown names and bad inputs are the core's to refuse.
    await s.call('no.such.call', { x: 1 });
    // The caller (the screen the host named) is passed along as it came: none for an in-process call.
    expect(core.dispatch.mock.calls).toEqual([
      ['counter.lookup', { text: 'ABC123' }, undefined],
      ['no.such.call', { x: 1 }, undefined],
    ]);

    core.emit('ledger.changed', { entryId: 3, kind: 'lookup' });
    expect(s.events).toEqual([{ name: 'ledger.changed', payload: { entryId: 3, kind: 'lookup' } }]);
  });

  it('answers account.* itself: the core never sees them', async () => {
    const s = await setup();
    const view = value(await s.call('account.get'));
    expect(accountViewSchema.parse(view)).toEqual({
      environment: 'demo',
      baseUrl: null,
      hasKey: false,
      keyStorage: 'none',
      keyStorageWarning:
        'La clé est enregistrée sans chiffrement dans un fichier lisible uniquement par votre compte utilisateur.',
      fromEnvironment: false,
      venueIds: [],
      counterName: 'Caisse 1',
      keyExposedWarning: null,
    });
    expect(await s.call('account.get', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(s.cores.last().dispatch).not.toHaveBeenCalled();
  });

  it('one listener failing does not keep events from the others', async () => {
    const s = await setup();
    s.supervisor.onEvent(() => {
      throw new Error('écran fermé');
    });
    const seen: string[] = [];
    s.supervisor.onEvent((name) => seen.push(name));
    s.cores.last().emit('status.changed', {});
    expect(seen).toEqual(['status.changed']);
  });
});

describe('account.test', () => {
  it('lists the venues a key reaches on a custom http://127.0.0.1 platform (the sandbox)', async () => {
    const s = await setup();
    expect(
      value(await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url, apiKey: sandbox.apiKey })),
    ).toEqual({
      venues: [
        {
          id: 1,
          name: 'Le Méliès — Cinéma d’art et d’essai',
          offererName: 'Cinémas du Méliès SAS',
          siret: '83265490900015',
          address: '24 rue de la Fontaine-au-Roi, 75011 Paris',
          timeZone: 'Europe/Paris',
        },
      ],
    });
  });

  it('words each failure for the person in Réglages', async () => {
    const s = await setup();
    const port = await closedPort();
    const wrongKey = `sandbox_000000000000_${'0'.repeat(64)}`;
    expect(await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url, apiKey: wrongKey })).toEqual({
      ok: false,
      error: { code: 'auth_invalid', message: 'Clé refusée par pass Culture : vérifiez-la.' },
    });
    expect(
      await s.call('account.test', {
        environment: 'custom',
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: sandbox.apiKey,
      }),
    ).toMatchObject({ ok: false, error: { code: 'platform_unreachable', message: /injoignable/ } });
    expect(
      await s.call('account.test', { environment: 'custom', baseUrl: 'http://10.0.0.8:80', apiKey: sandbox.apiKey }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_base_url' } });
    // Demo mode has no key to fall back on.
    expect(await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url })).toMatchObject({
      ok: false,
      error: { code: 'key_missing', message: /saisissez la clé/ },
    });
  });
});

describe('saving an account', () => {
  it('checks the key, stores account and key apart, swaps to a live core and says so', async () => {
    const s = await setup();
    const demoCore = s.cores.last();
    const saved = value(await s.call('account.save', sandboxAccount()));
    expect(saved).toEqual({
      environment: 'custom',
      baseUrl: sandbox.url,
      hasKey: true,
      keyStorage: 'file',
      keyStorageWarning:
        'La clé est enregistrée sans chiffrement dans un fichier lisible uniquement par votre compte utilisateur.',
      fromEnvironment: false,
      venueIds: [1],
      counterName: 'Caisse 2',
      keyExposedWarning: null,
    });
    expect(demoCore.closed).toBe(true);
    expect(s.cores.last().target).toEqual({
      mode: 'live',
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      venueIds: [1],
      counterName: 'Caisse 2',
    });
    expect(s.events).toEqual([{ name: 'account.changed', payload: saved }]);
    expect(value(await s.call('account.get'))).toEqual(saved);
    expect(JSON.parse(fs.readFileSync(path.join(s.dir, ACCOUNT_FILE), 'utf8'))).toEqual({
      version: 1,
      environment: 'custom',
      baseUrl: sandbox.url,
      venueIds: [1],
      counterName: 'Caisse 2',
    });
    const keyFile = path.join(s.dir, PLAIN_SECRET_FILE);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(sandbox.apiKey);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a venue the key does not reach, and changes nothing', async () => {
    const s = await setup();
    expect(await s.call('account.save', sandboxAccount({ venueIds: [1, 4242] }))).toEqual({
      ok: false,
      error: {
        code: 'venue_not_linked',
        message: expect.stringMatching(/^Ce lieu n'est pas rattaché à cette clé.*4242/),
      },
    });
    expect(await s.call('account.save', sandboxAccount({ apiKey: `x_${'0'.repeat(20)}` }))).toMatchObject({
      ok: false,
      error: { code: 'auth_invalid' },
    });
    expect(s.cores.startCore).toHaveBeenCalledOnce();
    expect(fs.existsSync(path.join(s.dir, ACCOUNT_FILE))).toBe(false);
    expect(fs.existsSync(path.join(s.dir, PLAIN_SECRET_FILE))).toBe(false);
    expect(s.events).toEqual([]);
  });

  it('keeps the stored key when the form leaves it blank', async () => {
    const s = await setup();
    value(await s.call('account.save', sandboxAccount()));
    const { apiKey: _omitted, ...withoutKey } = sandboxAccount({ counterName: 'Caisse 3' });
    expect(value(await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url }))).toMatchObject({
      venues: [{ id: 1 }],
    });
    expect(value(await s.call('account.save', withoutKey))).toMatchObject({ counterName: 'Caisse 3', hasKey: true });
    expect(s.cores.last().target).toMatchObject({ apiKey: sandbox.apiKey, counterName: 'Caisse 3' });
  });

  it('loses no call during the swap: running calls finish on the old core, new ones wait for the new core', async () => {
    const checked = deferred();
    const s = await setup({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        checked.resolve();
        return response;
      },
    });
    const demoCore = s.cores.last();
    const slow = demoCore.hold('ledger.today');
    const before = s.call('ledger.today');
    const saving = s.call('account.save', sandboxAccount());
    const newCoreStarting = s.cores.holdNextStart();

    // The check is done and the swap waits for the running call: the old core stays open meanwhile.
    await checked.promise;
    await tick();
    expect(demoCore.closed).toBe(false);
    slow.resolve();
    expect(await before).toMatchObject({ ok: true, value: { core: 'core1' } });

    // The new core is starting: calls arriving now wait for it rather than failing or reaching the closed one.
    await expect.poll(() => s.cores.startCore.mock.calls.length).toBe(2);
    const during = [s.call('counter.lookup', { text: 'AAAAAA' }), s.call('app.info'), s.call('account.get')];
    let settled = false;
    void Promise.all(during).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    newCoreStarting.resolve();

    const [lookup, info, account] = await Promise.all(during);
    expect(lookup).toMatchObject({ ok: true, value: { core: 'core2', name: 'counter.lookup' } });
    expect(info).toMatchObject({ ok: true, value: { core: 'core2', name: 'app.info' } });
    expect(account).toMatchObject({ ok: true, value: { environment: 'custom', hasKey: true } });
    expect(await saving).toMatchObject({ ok: true });
    expect(s.cores.journal).toEqual([
      'start:demo',
      'core1:ledger.today',
      'core1:close',
      'start:live',
      'core2:counter.lookup',
      'core2:app.info',
    ]);
  });

  it('re-attaches events to the new core and drops the old one’s', async () => {
    const s = await setup();
    const oldCore = s.cores.last();
    value(await s.call('account.save', sandboxAccount()));
    const newCore = s.cores.last();
    expect(newCore).not.toBe(oldCore);
    s.events.length = 0;
    oldCore.emit('ledger.changed', { entryId: 1, kind: 'lookup' });
    newCore.emit('ledger.changed', { entryId: 2, kind: 'validation' });
    expect(s.events).toEqual([{ name: 'ledger.changed', payload: { entryId: 2, kind: 'validation' } }]);
  });

  it('runs two saves one after the other', async () => {
    const s = await setup();
    const [first, second] = await Promise.all([
      s.call('account.save', sandboxAccount({ counterName: 'Caisse A' })),
      s.call('account.save', sandboxAccount({ counterName: 'Caisse B' })),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    expect(s.cores.journal.filter((step) => step.startsWith('start:') || step.endsWith(':close'))).toEqual([
      'start:demo',
      'core1:close',
      'start:live',
      'core2:close',
      'start:live',
    ]);
    expect(s.cores.cores.filter((core) => !core.closed)).toHaveLength(1);
  });

  it('puts the previous account back when the new core cannot start', async () => {
    const s = await setup();
    s.cores.failWhen((target) => target.mode === 'live');
    expect(await s.call('account.save', sandboxAccount())).toEqual({
      ok: false,
      error: {
        code: 'account_switch_failed',
        // In French whatever the failure (SQLite's English stays in the log).
        message: expect.stringMatching(/n'a pas pu démarrer sur ce compte.*journal.*le compte précédent est rétabli/),
      },
    });
    expect(s.cores.journal).toEqual(['start:demo', 'core1:close', 'start:live', 'start:demo']);
    expect(value(await s.call('account.get'))).toMatchObject({ environment: 'demo', hasKey: false });
    expect(await s.call('app.info')).toMatchObject({ ok: true, value: { core: 'core2' } });
    expect(fs.existsSync(path.join(s.dir, ACCOUNT_FILE))).toBe(false);
    expect(fs.existsSync(path.join(s.dir, PLAIN_SECRET_FILE))).toBe(false);
    expect(s.events.map((e) => e.name)).toEqual(['account.changed']);
  });
});

describe('back to demo mode', () => {
  it('can erase the live account’s data from this computer, never while something waits to be sent', async () => {
    const s = await setup();
    value(await s.call('account.save', sandboxAccount()));
    const liveDir = accountDataDir(s.dir, 'live', sandbox.url);
    fs.mkdirSync(liveDir, { recursive: true });
    fs.writeFileSync(path.join(liveDir, 'guichet.sqlite'), 'ledger');
    const live = s.cores.last();
    vi.mocked(live.dispatch).mockResolvedValueOnce({ ok: true, value: { pendingUploads: 2, conflicts: 0 } });
    expect(await s.call('account.useDemo', { eraseData: true })).toMatchObject({
      ok: false,
      error: { code: 'erase_refused', message: expect.stringMatching(/pas encore été transmis/) },
    });
    expect(fs.existsSync(liveDir)).toBe(true);
    vi.mocked(live.dispatch).mockResolvedValueOnce({ ok: true, value: { pendingUploads: 0, conflicts: 0 } });
    expect(value(await s.call('account.useDemo', { eraseData: true }))).toMatchObject({ environment: 'demo' });
    expect(fs.existsSync(liveDir)).toBe(false);
  });

  it('swaps to a demo core, forgets the key, keeps the counter name', async () => {
    const s = await setup();
    value(await s.call('account.save', sandboxAccount()));
    const view = value(await s.call('account.useDemo'));
    expect(view).toMatchObject({ environment: 'demo', hasKey: false, keyStorage: 'none', counterName: 'Caisse 2' });
    expect(s.cores.last().target).toEqual({ mode: 'demo', counterName: 'Caisse 2', venueIds: [] });
    expect(s.cores.cores.filter((core) => !core.closed)).toEqual([s.cores.last()]);
    expect(fs.existsSync(path.join(s.dir, PLAIN_SECRET_FILE))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(s.dir, ACCOUNT_FILE), 'utf8'))).toMatchObject({
      environment: 'demo',
      counterName: 'Caisse 2',
    });
    expect(s.events.map((e) => e.name)).toEqual(['account.changed', 'account.changed']);
  });

  it('does not restart a core already in demo mode', async () => {
    const s = await setup();
    expect(value(await s.call('account.useDemo'))).toMatchObject({ environment: 'demo' });
    expect(s.cores.startCore).toHaveBeenCalledOnce();
    expect(s.events).toEqual([]);
  });
});

describe('which account runs at start-up', () => {
  it('the saved account, with its key, in its own data folder', async () => {
    const dir = tempDir();
    const first = await setup({ dir });
    value(await first.call('account.save', sandboxAccount({ counterName: 'Caisse 7' })));
    await first.supervisor.close();
    running.splice(running.indexOf(first), 1);

    const s = await setup({ dir });
    expect(s.cores.startCore).toHaveBeenCalledExactlyOnceWith(
      { mode: 'live', baseUrl: sandbox.url, apiKey: sandbox.apiKey, venueIds: [1], counterName: 'Caisse 7' },
      expect.objectContaining({ baseDir: dir }),
    );
    expect(s.supervisor.mode).toBe('live');
  });

  it('demo, with a warning, when the saved account has lost its key', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, ACCOUNT_FILE),
      JSON.stringify({ version: 1, environment: 'production', baseUrl: null, venueIds: [5], counterName: 'Caisse 4' }),
    );
    const s = await setup({ dir });
    expect(s.cores.last().target).toEqual({ mode: 'demo', counterName: 'Caisse 4', venueIds: [] });
    expect(s.lines.join('\n')).toMatch(/no usable API key/);
  });

  it('demo, with a warning, when account.json is corrupt', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, ACCOUNT_FILE), '{"environment": "produ');
    const s = await setup({ dir, env: { COUNTER_NAME: 'Caisse 9' } });
    expect(s.cores.last().target).toEqual({ mode: 'demo', counterName: 'Caisse 9', venueIds: [] });
    expect(s.lines.join('\n')).toMatch(/not JSON/);
  });

  it('never falls back to demo by itself when the saved account cannot start: it says why, demo only on request', async () => {
    const dir = tempDir();
    const first = await setup({ dir });
    value(await first.call('account.save', sandboxAccount()));
    await first.supervisor.close();
    running.splice(running.indexOf(first), 1);

    const cores = fakeCores();
    cores.failWhen((target) => target.mode === 'live');
    const s = await setup({ dir, startCore: cores.startCore });
    expect(cores.journal).toEqual(['start:live']);
    expect(value(await s.call('account.get'))).toMatchObject({ environment: 'custom' });
    expect(await s.call('app.info')).toMatchObject({ ok: false, error: { code: 'engine_failed' } });
    expect(value(await s.call('database.recovery'))).toMatchObject({ damaged: false, message: expect.any(String) });
    // The manager chooses demo mode.
    expect(value(await s.call('account.useDemo'))).toMatchObject({ environment: 'demo' });
    expect(await s.call('app.info')).toMatchObject({ ok: true });
  });

  it('refuses a second engine on the same data folder, in French', async () => {
    const dir = tempDir();
    await setup({ dir });
    await expect(setup({ dir })).rejects.toThrow(/Un autre guichet utilise déjà le dossier de données/);
  });

  it('environment variables win over the saved account, and make it read-only', async () => {
    const dir = tempDir();
    const first = await setup({ dir });
    value(await first.call('account.save', sandboxAccount()));
    await first.supervisor.close();
    running.splice(running.indexOf(first), 1);

    const envKey = `production_0123456789ab_${'cd'.repeat(32)}`;
    const s = await setup({
      dir,
      env: { PASSCULTURE_API_KEY: envKey, COUNTER_VENUE_ID: '77', COUNTER_NAME: 'Caisse env' },
    });
    expect(s.cores.last().target).toEqual({
      mode: 'live',
      baseUrl: PRODUCTION_API_URL,
      apiKey: envKey,
      venueIds: [77],
      counterName: 'Caisse env',
    });
    expect(value(await s.call('account.get'))).toEqual({
      environment: 'production',
      baseUrl: PRODUCTION_API_URL,
      hasKey: true,
      keyStorage: 'env',
      keyStorageWarning: null,
      fromEnvironment: true,
      venueIds: [77],
      counterName: 'Caisse env',
      keyExposedWarning: null,
    });
    const refusal = {
      ok: false,
      error: { code: 'account_from_environment', message: expect.stringMatching(/variables d’environnement/) },
    };
    expect(await s.call('account.save', sandboxAccount())).toEqual(refusal);
    expect(await s.call('account.useDemo')).toEqual(refusal);
    expect(s.cores.startCore).toHaveBeenCalledOnce();
  });

  it('a custom PASSCULTURE_API_URL shows as a custom environment', async () => {
    const s = await setup({ env: { PASSCULTURE_API_KEY: sandbox.apiKey, PASSCULTURE_API_URL: sandbox.url } });
    expect(value(await s.call('account.get'))).toMatchObject({ environment: 'custom', baseUrl: sandbox.url });
  });
});

describe('the API key stays in the host', () => {
  it('is in no answer, event, account.json or log line — whatever happens', async () => {
    const s = await setup();
    const key = sandbox.apiKey;
    const wrong = `${key.slice(0, -4)}0000`;
    await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url, apiKey: key });
    await s.call('account.test', { environment: 'custom', baseUrl: sandbox.url, apiKey: wrong });
    await s.call('account.test', { environment: 'custom', baseUrl: 'http://example.org', apiKey: key });
    await s.call('account.save', { ...sandboxAccount(), apiKey: `${key} ` }); // trimmed, then accepted
    await s.call('account.save', sandboxAccount({ venueIds: [999] }));
    await s.call('account.save', sandboxAccount({ apiKey: 'short' }));
    await s.call('account.get');
    s.cores.failWhen((target) => target.mode === 'live');
    await s.call('account.save', sandboxAccount({ counterName: 'Caisse X' }));
    s.cores.failWhen(null);
    await s.call('account.useDemo');

    const everything = [
      ...s.answers.map((answer) => JSON.stringify(answer)),
      ...s.events.map((event) => JSON.stringify(event)),
      fs.readFileSync(path.join(s.dir, ACCOUNT_FILE), 'utf8'),
      ...s.lines,
    ];
    expect(s.lines.length).toBeGreaterThan(5);
    for (const text of everything) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(key.slice(-64)); // nor the secret part alone
    }
  });
});

describe('closing', () => {
  it('closes the current core once, then answers that the counter is stopped', async () => {
    const s = await setup();
    const core = s.cores.last();
    await Promise.all([s.supervisor.close(), s.supervisor.close()]);
    expect(core.closed).toBe(true);
    expect(s.cores.journal.filter((step) => step === 'core1:close')).toHaveLength(1);
    expect(await s.call('app.info')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await s.call('account.get')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('waits for a swap under way before closing', async () => {
    const s = await setup();
    const starting = s.cores.holdNextStart();
    const saving = s.call('account.save', sandboxAccount());
    await expect.poll(() => s.cores.startCore.mock.calls.length).toBe(2);
    const closing = s.supervisor.close();
    starting.resolve();
    await closing;
    expect(await saving).toMatchObject({ ok: true });
    expect(s.cores.cores.every((core) => core.closed)).toBe(true);
  });
});
