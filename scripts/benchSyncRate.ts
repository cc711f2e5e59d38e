/**
 * Part of `npm run bench:sync`: the steady request rate of one counter over a realistic evening of a large cinema —
 * 30 films, 5 séances a day each for 7 days, 2,000 bookings, a new booking every 20 s and a cancellation every
 * 3 minutes — measured twice in the same run against the sandbox:
 *   before: a platform that refuses `venueId` (the previous document): the counter falls back to the per-film walks
 *           it has always made (today's behaviour, unchanged);
 *   after:  the 2026 platform: one cursor per venue and the status sweep (electron/core/sync/statusRefresh.ts).
 * Time is simulated, faster than real (BENCH_SPEED, 20× by default): the sandbox and the counter share one
 * accelerated clock and the sync cycle runs every 30 simulated seconds, so an evening takes minutes. The requests
 * counted are the real ones the sandbox received, by the simulated minute they arrived in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { createCore } from '../electron/core';
import { startSandbox } from '../electron/sandbox';
import { busiestWindow, percentile } from './stats';

const SPEED = Number(process.env.BENCH_SPEED ?? 20);
/** Thursday 12 March 2026, 17:30 in Paris: the evening starts. */
const EVENING_START = Date.parse('2026-03-12T16:30:00Z');
const WARM_UP_MIN = Number(process.env.BENCH_WARM_UP_MIN ?? 30);
const MEASURE_MIN = Number(process.env.BENCH_MEASURE_MIN ?? 60);
const CYCLE_MS = 30_000;
const NEW_BOOKING_EVERY_MS = 20_000;
const CANCELLATION_EVERY_MS = 3 * 60_000;
const BUDGET = 200;
const PROGRAMME = { films: 30, seancesPerDay: 5, days: 7, bookings: 2000 };
const MINUTE = 60_000;

interface Logged {
  seq: number;
  path: string;
  route: string | null;
  time: string;
}

export interface EveningResult {
  label: string;
  perMinute: number;
  maxInMinute: number;
  byKind: Record<string, number>;
  cycles: number;
  newBookingDelays: number[];
  cancellationDelays: number[];
}

function kindOf(r: Logged): string {
  if (r.route === '/public/bookings/v1/bookings') {
    return /status=|stockId=|beginningDatetime=/.test(r.path) ? 'statuses' : 'new bookings';
  }
  if (r.route?.startsWith('/public/offers/v1/events')) return 'programme';
  return 'other';
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One evening against a sandbox that lists by venue or not; the counter as a cinema runs it. */
export async function evening(label: string, venueListing: boolean): Promise<EveningResult> {
  const realStart = performance.now();
  const clock = () => new Date(EVENING_START + (performance.now() - realStart) * SPEED);
  const sim = () => clock().getTime();
  const measureFrom = EVENING_START + WARM_UP_MIN * MINUTE;
  const measureTo = measureFrom + MEASURE_MIN * MINUTE;

  const sandbox = await startSandbox({ now: clock, rateLimitPerMinute: null, venueListing, programme: PROGRAMME });
  const control = `${sandbox.url}/__sandbox`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-rate-'));
  const core = await createCore({
    dataDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Banc',
    venueIds: [1],
    logger: pino({ level: 'silent' }),
    clock,
    syncPeriodMs: CYCLE_MS / SPEED,
    // What the counter asks for is measured, not what a budget would let through (its window is real time).
    rateLimitPerMinute: 1_000_000,
  });

  const seenAdded = new Map<number, number>();
  const seenCancelled = new Map<number, number>();
  core.onEvent((name, payload) => {
    if (name !== 'bookings.changed') return;
    const { added, cancelled } = payload as { added: number[]; cancelled: number[] };
    for (const id of added) if (!seenAdded.has(id)) seenAdded.set(id, sim());
    for (const id of cancelled) if (!seenCancelled.has(id)) seenCancelled.set(id, sim());
  });

  // The beneficiaries' side, on the simulated clock: new bookings, and cancellations of séances about to start.
  const created = new Map<number, number>();
  const cancelled = new Map<number, number>();
  const newBookings = setInterval(() => {
    void json<{ id: number }>(`${control}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then((b) => created.set(b.id, sim()));
  }, NEW_BOOKING_EVERY_MS / SPEED);
  const cancellations = setInterval(() => {
    void (async () => {
      const { bookings } = await json<{ bookings: { id: number; seanceStart: string }[] }>(
        `${control}/bookings?status=CONFIRMED`,
      );
      const now = sim();
      const soon = bookings.find(
        (b) => Date.parse(b.seanceStart) > now && Date.parse(b.seanceStart) < now + 90 * MINUTE,
      );
      if (!soon) return;
      await json(`${control}/bookings/${soon.id}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"by":"offerer"}',
      });
      cancelled.set(soon.id, sim());
    })();
  }, CANCELLATION_EVERY_MS / SPEED);

  // The request log keeps 10,000 entries: read it as it grows.
  const requests: Logged[] = [];
  let since = 0;
  const drainLog = async () => {
    const page = await json<{ requests: Logged[]; lastSeq: number }>(`${control}/requests?since=${since}`);
    requests.push(...page.requests);
    since = page.lastSeq;
  };
  while (sim() < measureTo + CYCLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await drainLog();
  }
  clearInterval(newBookings);
  clearInterval(cancellations);
  await core.close();
  await drainLog();
  await sandbox.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const measured = requests.filter((r) => {
    const t = Date.parse(r.time);
    return t >= measureFrom && t < measureTo;
  });
  const maxInMinute = busiestWindow(
    measured.map((r) => Date.parse(r.time)),
    MINUTE,
  );
  const byKind: Record<string, number> = {};
  for (const r of measured) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1;
  // One walk of the venue a cycle, or one of the first film: cycles that really ran in the measured hour.
  const cycleMarks = measured.filter((r) =>
    venueListing
      ? kindOf(r) === 'new bookings' && r.path.includes('venueId=')
      : kindOf(r) === 'new bookings' && r.path.includes('offerId=101&'),
  );
  const delays = (made: Map<number, number>, seen: Map<number, number>) =>
    [...made]
      .filter(([, at]) => at >= measureFrom && at < measureTo)
      .map(([id, at]) => ((seen.get(id) ?? Number.POSITIVE_INFINITY) - at) / 1000);
  return {
    label,
    perMinute: measured.length / MEASURE_MIN,
    maxInMinute,
    byKind,
    cycles: new Set(cycleMarks.map((r) => Math.floor((Date.parse(r.time) - EVENING_START) / CYCLE_MS))).size,
    newBookingDelays: delays(created, seenAdded),
    cancellationDelays: delays(cancelled, seenCancelled),
  };
}

function describe(r: EveningResult): string {
  const kinds = Object.entries(r.byKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, n]) => `${kind} ${(n / MEASURE_MIN).toFixed(1)}`)
    .join(', ');
  const delay = (values: number[]) => {
    if (values.length === 0) return 'none in the hour';
    const seen = values.filter(Number.isFinite);
    const missed = values.length - seen.length;
    const s = (p: number) => `${percentile(seen, p).toFixed(1)} s`;
    return `median ${s(50)}, p95 ${s(95)}, max ${s(100)} (${values.length}${missed ? `, ${missed} never seen` : ''})`;
  };
  return (
    `  ${r.label}: ${r.perMinute.toFixed(1)} requests/min (most in one minute: ${r.maxInMinute}); ${kinds}\n` +
    `    cycles run: ${r.cycles} of ${(MEASURE_MIN * MINUTE) / CYCLE_MS}; new bookings seen after ${delay(r.newBookingDelays)}; ` +
    `cancellations seen after ${delay(r.cancellationDelays)} (simulated time)`
  );
}

export async function benchSyncRate(): Promise<void> {
  const paris = (t: number) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(t);
  const from = EVENING_START + WARM_UP_MIN * MINUTE;
  console.log(
    `Requests per minute of one counter, ${PROGRAMME.films} films × ${PROGRAMME.seancesPerDay} séances a day × ` +
      `${PROGRAMME.days} days, ${PROGRAMME.bookings} bookings, a new booking every ${NEW_BOOKING_EVERY_MS / 1000} s, ` +
      `a cancellation every ${CANCELLATION_EVERY_MS / MINUTE} min; measured ${paris(from)}–` +
      `${paris(from + MEASURE_MIN * MINUTE)} (Paris) after ${WARM_UP_MIN} min of warm-up, simulated at ${SPEED}× ` +
      `(sync cycle every ${CYCLE_MS / 1000} simulated s); one run each, on a shared, noisy machine:`,
  );
  const before = await evening('before, film by film (platform refusing venueId: today’s walks)', false);
  console.log(describe(before));
  const after = await evening('after, by venue (2026 platform)', true);
  console.log(describe(after));
  const left = (perMinute: number) => `${(BUDGET - perMinute).toFixed(1)}/min (${(100 - perMinute / 2).toFixed(0)} %)`;
  console.log(
    `  ratio after/before ${(after.perMinute / before.perMinute).toFixed(3)}× (target ≤ 20 requests/min); ` +
      `budget of ${BUDGET}/min per key left for other counters: before ${left(before.perMinute)}, ` +
      `after ${left(after.perMinute)}`,
  );
}

// `tsx scripts/benchSyncRate.ts` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSyncRate().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
