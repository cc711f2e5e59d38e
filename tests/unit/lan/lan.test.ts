/**
 * Two counters of one cinema in one process: a main counter (its own sandbox platform) with its LAN listener on
 * 127.0.0.1, and a secondary paired with it. Pairing, forwarding, the ledger naming the secondary, the slip at the
 * secondary, the calls refused (unpaired, replayed code, revoked, not granted, another certificate).
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanHost, type LanHost } from '../../../electron/lan/lanHost';
import { connectToMain } from '../../../electron/lan/mainClient';
import { pairWithMain } from '../../../electron/lan/pairingClient';
import type { MainLink } from '../../../electron/lan/lanStore';
import type { CounterUnderTest } from '../../support/counterUnderTest';
import { startTwoCounters, tmp, until, type TwoCounters } from '../../support/twoCounters';
import { findBooking, sandboxRequests, successfulUses } from '../../support/sandboxControl';
import type { LedgerRow, Verdict } from '../../../shared/contract';

const logger = pino({ level: 'silent' });

/** A WebSocket to the main counter with a given token, pinned to nothing: resolves with the refusal status. */
function rawConnect(url: string, token: string | null): Promise<{ status: number | 'open' }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('https:', 'wss:')}/lan/ws`, {
      rejectUnauthorized: false,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    ws.on('open', () => {
      ws.terminate();
      resolve({ status: 'open' });
    });
    ws.on('unexpected-response', (_req, res) => {
      ws.terminate();
      resolve({ status: res.statusCode ?? 0 });
    });
    ws.on('error', () => resolve({ status: 0 }));
  });
}

describe('a main counter and a secondary on the LAN', () => {
  let main: CounterUnderTest;
  let second: CounterUnderTest;
  let mainLan: LanHost;
  let secondLan: LanHost;
  let mainUrl: string;
  let two: TwoCounters;
  let dirs: string[];

  beforeAll(async () => {
    // The secondary syncs every 200 ms while it is alone: pairing must stop that.
    two = await startTwoCounters({ syncPeriodMs: 200 });
    ({ main, second, mainLan, secondLan, dirs } = two);
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('a lone counter listens on nothing; the main role opens the listener and shows a code', async () => {
    expect(mainLan.lanPort()).toBeNull();
    expect((await mainLan.call('lan.get')).role).toBe('alone');
    const view = await mainLan.call('lan.setRole', { role: 'main' });
    expect(view.role).toBe('main');
    mainUrl = `https://127.0.0.1:${mainLan.lanPort()}`;
    expect(view.main?.addresses).toEqual([mainUrl]);
    expect(view.main?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const coded = await mainLan.call('lan.pairingCode');
    expect(coded.main?.pairing?.code).toMatch(/^[A-Z2-9]{8}$/);
    // The certificate is made once and kept.
    expect(fs.existsSync(path.join(dirs[0]!, 'lan', 'cert.pem'))).toBe(true);
  });

  it('refuses a wrong code, then pairs with the right one, which cannot be used again', async () => {
    await expect(secondLan.call('lan.pair', { mainUrl, code: 'AAAA-BBBB' })).rejects.toMatchObject({
      code: 'pairing_failed',
    });
    const code = (await mainLan.call('lan.get')).main!.pairing!.code;
    const view = await secondLan.call('lan.pair', { mainUrl: mainUrl.replace('https://', ''), code });
    expect(view.role).toBe('secondary');
    expect(view.secondary).toMatchObject({ mainUrl, mainName: 'Caisse 1' });
    await until(async () => (await secondLan.call('lan.get')).secondary?.connected === true);
    const listed = (await mainLan.call('lan.get')).main!;
    expect(listed.pairing).toBeNull();
    expect(listed.secondaries).toEqual([
      expect.objectContaining({ name: 'Caisse 2', address: '127.0.0.1', connected: true }),
    ]);
    // Replayed: the code was spent by the first pairing.
    await expect(pairWithMain(mainUrl, code, 'Caisse 3')).rejects.toMatchObject({ reason: 'refused' });
  });

  it('a paired secondary asks pass Culture nothing of its own: its main counter syncs for it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 400)); // a cycle under way when it paired ends
    const { lastSeq } = await sandboxRequests(second.sandbox.url);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // five of its sync periods
    // The API's calls, which spend the key's budget (the key-free reachability check may still run).
    const asked = (await sandboxRequests(second.sandbox.url, lastSeq)).requests.filter((r) =>
      r.route?.startsWith('/public/'),
    );
    expect(asked).toEqual([]);
    await expect(secondLan.call('sync.now')).rejects.toMatchObject({ code: 'not_granted' });
  });

  it('refuses a name already in use (the main counter’s, a secondary’s) without spending the code', async () => {
    const code = (await mainLan.call('lan.pairingCode')).main!.pairing!.code;
    await expect(pairWithMain(mainUrl, code, 'Caisse 1')).rejects.toMatchObject({ reason: 'name_taken' });
    await expect(pairWithMain(mainUrl, code, 'caisse 2')).rejects.toMatchObject({ reason: 'name_taken' });
    // The code still works for a counter with a name of its own.
    const third = await pairWithMain(mainUrl, code, 'Caisse 3');
    const listed = (await mainLan.call('lan.get')).main!.secondaries;
    expect(listed.map((s) => s.name)).toEqual(['Caisse 2', 'Caisse 3']);
    expect(third.name).toBe('Caisse 1');
    await mainLan.call('lan.revoke', { id: listed[1]!.id });
  });

  it('refuses a connection without a token, or with a token it never gave', async () => {
    expect(await rawConnect(mainUrl, null)).toEqual({ status: 401 });
    expect(await rawConnect(mainUrl, 'x'.repeat(43))).toEqual({ status: 401 });
  });

  it('a validation at the secondary is recorded by the main counter under its name, sent once, printed there', async () => {
    const booking = await findBooking(main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    const verdict = await secondLan.call('counter.lookup', { text: booking.token });
    expect(verdict.kind).toBe('valid');
    const validation = await secondLan.call('counter.validate', { token: booking.token });
    expect(validation.upload).toBe('sent');
    expect(await successfulUses(main.sandbox.url, booking.token)).toBe(1);
    // One writer: the main counter's ledger has the row, naming the secondary.
    const rows = (await main.core.call('ledger.today')).rows.filter((r) => r.kind === 'validation');
    expect(rows).toEqual([expect.objectContaining({ token: booking.token, counterName: 'Caisse 2' })]);
    // The secondary's journal is the main counter's.
    expect((await secondLan.call('ledger.today')).rows[0]).toMatchObject({ counterName: 'Caisse 2' });
    // The slip prints at the secondary, not at the main counter.
    await until(async () => (await second.core.call('printer.jobs')).jobs.length === 1);
    expect((await main.core.call('printer.jobs')).jobs).toHaveLength(0);
    // At the main counter, the same code says where and when it was admitted.
    const again = await mainLan.call('counter.lookup', { text: booking.token });
    expect(again).toMatchObject({ kind: 'refused', reason: 'used' });
    expect(again.usedBy).toMatchObject({ counterName: 'Caisse 2' });
  });

  it('a countermark validated at the main counter is refused at the secondary, naming the main counter', async () => {
    const booking = await findBooking(main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await mainLan.call('counter.validate', { token: booking.token });
    const verdict = await secondLan.call('counter.lookup', { text: booking.token });
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'used' });
    expect(verdict.usedBy).toMatchObject({ where: 'here', counterName: 'Caisse 1' });
    expect(verdict.usedBy?.at).not.toBeNull();
  });

  it('a secondary cannot make the manager’s calls at the main counter', async () => {
    const link = JSON.parse(fs.readFileSync(path.join(dirs[1]!, 'lan', 'lan.json'), 'utf8')).main as MainLink;
    const direct = connectToMain({ link, logger, onEvent: () => {}, onState: () => {} });
    try {
      await until(() => direct.isConnected());
      for (const name of ['sync.now', 'programme.sales.close', 'account.useDemo', 'lan.revoke'] as const) {
        const answer = await direct.call(name, {});
        expect(answer).toMatchObject({ ok: false, error: { code: 'not_granted' } });
      }
    } finally {
      direct.close();
    }
  });

  it('refuses a main counter presenting another certificate than the one pinned', async () => {
    const link = JSON.parse(fs.readFileSync(path.join(dirs[1]!, 'lan', 'lan.json'), 'utf8')).main as MainLink;
    const otherDir = tmp();
    dirs.push(otherDir);
    // The main counter's core, shared: closing this impostor must not close it.
    const other = await startLanHost({
      core: { ...main.core, close: async () => {} },
      baseDir: otherDir,
      config: { role: 'main', mainUrl: undefined, pairingCode: undefined, host: '127.0.0.1', port: 0 },
      logger,
    });
    const impostor = { ...link, url: `https://127.0.0.1:${other.lanPort()}` };
    const states: string[] = [];
    const direct = connectToMain({ link: impostor, logger, onEvent: () => {}, onState: (s) => states.push(s) });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(direct.isConnected()).toBe(false);
    expect(await direct.call('counter.lookup', { text: 'ABC123' })).toMatchObject({
      ok: false,
      error: { code: 'main_unreachable' },
    });
    direct.close();
    await other.close();
    // Not even refused by the impostor (a 401 would mean TLS went through): the handshake itself failed.
    expect(states).toEqual([]);
  });

  it('a revoked secondary is cut off at once and its token refused', async () => {
    const link = JSON.parse(fs.readFileSync(path.join(dirs[1]!, 'lan', 'lan.json'), 'utf8')).main as MainLink;
    const id = (await mainLan.call('lan.get')).main!.secondaries[0]!.id;
    const view = await mainLan.call('lan.revoke', { id });
    expect(view.main?.secondaries).toEqual([]);
    await until(async () => (await secondLan.call('lan.get')).secondary?.connected === false);
    await expect(secondLan.call('counter.lookup', { text: 'ABC123' })).rejects.toMatchObject({
      code: 'main_unreachable',
    });
    expect(await rawConnect(mainUrl, link.token)).toEqual({ status: 401 });
  });
});

describe('counters on the LAN, each with its team', () => {
  let main: CounterUnderTest;
  let mainLan: LanHost;
  let secondLan: LanHost;
  let two: TwoCounters;
  const atSecond = { terminal: 'caisse-2-screen' };
  const atMain = { terminal: 'caisse-1-screen' };

  /** A call made from a screen, its failure thrown as the contract's. */
  async function from<T>(host: LanHost, screen: { terminal: string }, name: string, input: unknown = {}): Promise<T> {
    const envelope = await host.dispatch(name, input, screen);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as T;
  }

  beforeAll(async () => {
    two = await startTwoCounters();
    ({ main, mainLan, secondLan } = two);
    await mainLan.call('lan.setRole', { role: 'main' });
    const code = (await mainLan.call('lan.pairingCode')).main!.pairing!.code;
    await secondLan.call('lan.pair', { mainUrl: `https://127.0.0.1:${mainLan.lanPort()}`, code });
    await until(async () => (await secondLan.call('lan.get')).secondary?.connected === true);
    // Each counter's team: its manager first, then (at the secondary) a cashier.
    await from(mainLan, atMain, 'staff.people.add', { firstName: 'Camille', role: 'manager', pin: '1357' });
    await from(secondLan, atSecond, 'staff.people.add', { firstName: 'Sam', role: 'manager', pin: '9753' });
    await from(secondLan, atSecond, 'staff.people.add', { firstName: 'Zoé', role: 'cashier', pin: '2468' });
    await from(secondLan, atSecond, 'staff.signIn', { pin: '2468' });
    await from(mainLan, atMain, 'staff.signIn', { pin: '1357' });
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('the secondary’s cashier validates; the main counter’s row names her and her counter', async () => {
    const booking = await findBooking(main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    expect(await from(secondLan, atSecond, 'counter.lookup', { text: booking.token })).toMatchObject({ kind: 'valid' });
    await from(secondLan, atSecond, 'counter.validate', { token: booking.token });
    expect(await successfulUses(main.sandbox.url, booking.token)).toBe(1);
    const rows = (await from<{ rows: LedgerRow[] }>(mainLan, atMain, 'ledger.today')).rows;
    expect(rows.find((r) => r.kind === 'validation' && r.token === booking.token)).toMatchObject({
      counterName: 'Caisse 2',
      personName: 'Zoé',
    });
    // At the main counter, the refusal names who and where.
    const again = await from<Verdict>(mainLan, atMain, 'counter.lookup', { text: booking.token });
    expect(again.usedBy).toMatchObject({ counterName: 'Caisse 2', personName: 'Zoé' });
  });

  it('a locked screen at the secondary reaches nothing at the main counter; its cashier is no manager there', async () => {
    const booking = await findBooking(main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await expect(
      from(secondLan, { terminal: 'nobody' }, 'counter.lookup', { text: booking.token }),
    ).rejects.toMatchObject({ code: 'signed_out' });
    await expect(from(secondLan, atSecond, 'lan.unpair')).rejects.toMatchObject({ code: 'forbidden' });
    // Nothing was asked of the platform for that lookup: the row would be in the main counter's journal.
    const rows = (await from<{ rows: LedgerRow[] }>(mainLan, atMain, 'ledger.today')).rows;
    expect(rows.filter((r) => r.token === booking.token)).toEqual([]);
  });
});
