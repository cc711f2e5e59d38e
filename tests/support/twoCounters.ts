/**
 * Two counters of one cinema in one process, for the LAN tests: a main counter and a secondary, each with its
 * sandbox (or the secondary on the main counter's: one platform, as at a real cinema) and data folder, each behind
 * its LAN host (alone at first; `pairTwo` makes them main and secondary).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startLanHost, type LanHost } from '../../electron/lan/lanHost';
import { startCounter, type CounterOptions, type CounterUnderTest } from './counterUnderTest';

const logger = pino({ level: 'silent' });

export function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-lan-'));
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two counters of one cinema, each with its sandbox and data folder, each behind its LAN host (alone at first). */
export interface TwoCounters {
  main: CounterUnderTest;
  second: CounterUnderTest;
  mainLan: LanHost;
  secondLan: LanHost;
  /** LAN folders (main's, secondary's, then any a test adds): removed at the end. */
  dirs: string[];
  close(): Promise<void>;
}

/** A port free on 127.0.0.1 now (the main counter listens on it again after a cut, as on a real LAN). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `samePlatform`: the secondary's own key reaches the main counter's platform (autonomous mode online); `mainPort`:
 * where the main counter listens (a fixed one, so it can stop listening and come back where its secondary looks);
 * `mainRateLimitPerMinute`: the platform's limit, enforced by the main counter's sandbox and budget alike.
 */
export async function startTwoCounters(
  secondOptions: Pick<CounterOptions, 'syncPeriodMs'> & {
    samePlatform?: boolean;
    mainPort?: number;
    mainRateLimitPerMinute?: number;
  } = {},
): Promise<TwoCounters> {
  const { samePlatform, mainPort, mainRateLimitPerMinute, ...options } = secondOptions;
  const main = await startCounter({ counterName: 'Caisse 1', rateLimitPerMinute: mainRateLimitPerMinute });
  const second = await startCounter({
    counterName: 'Caisse 2',
    ...options,
    sandbox: samePlatform ? main.sandbox : undefined,
  });
  const dirs = [tmp(), tmp()];
  const config = { role: undefined, mainUrl: undefined, pairingCode: undefined, host: '127.0.0.1', port: 0 };
  const mainLan = await startLanHost({
    core: main.core,
    baseDir: dirs[0]!,
    config: { ...config, port: mainPort ?? 0 },
    logger,
  });
  const secondLan = await startLanHost({ core: second.core, baseDir: dirs[1]!, config, logger });
  return {
    main,
    second,
    mainLan,
    secondLan,
    dirs,
    async close() {
      await secondLan.close();
      await mainLan.close();
      if (second.sandbox !== main.sandbox) await second.sandbox.close();
      await main.sandbox.close();
      for (const dir of [...dirs, main.dataDir, second.dataDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes the first counter the main one and pairs the second with it; resolves once they are connected. */
export async function pairTwo(two: TwoCounters): Promise<string> {
  await two.mainLan.call('lan.setRole', { role: 'main' });
  const code = (await two.mainLan.call('lan.pairingCode')).main!.pairing!.code;
  const mainUrl = `https://127.0.0.1:${two.mainLan.lanPort()}`;
  await two.secondLan.call('lan.pair', { mainUrl, code });
  await until(async () => (await two.secondLan.call('lan.get')).secondary?.connected === true);
  return mainUrl;
}
