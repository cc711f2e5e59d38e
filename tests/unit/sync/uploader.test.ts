/**
 * Every upload outcome, with a scripted platform: done, done-with-a-note, conflicts kept with their reason,
 * retries with back-off — and the order of the queue.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../shared/contract';
import type { PlatformBooking } from '../../../shared/platform/schemas';
import { createBookingCache } from '../../../electron/core/db/bookingCache';
import { createLedger } from '../../../electron/core/db/ledger';
import { openDatabase, type CounterDb } from '../../../electron/core/db/open';
import type { PlatformClient } from '../../../electron/core/platform/client';
import { PlatformError } from '../../../electron/core/platform/errors';
import type { Gateway } from '../../../electron/core/platform/gateway';
import { createConnectivity } from '../../../electron/core/sync/connectivity';
import { createUploader } from '../../../electron/core/sync/uploader';
import { createUploadQueue } from '../../../electron/core/db/uploadQueue';

type Answer = 'ok' | ErrorCode | { booking: PlatformBooking };

const booking = (id: number): PlatformBooking => ({
  id,
  quantity: 1,
  creationDate: '2026-11-20T10:00:00Z',
  confirmationDate: '2026-11-22T10:00:00Z',
  price: 700,
  status: 'CONFIRMED',
  offerId: 1,
  stockId: 11,
  offerName: 'Le Film',
  venueId: 1,
  venueName: 'Cinéma',
  userEmail: 'a@b.fr',
  userFirstName: 'Zoé',
  userLastName: 'Lefèvre',
});

let db: CounterDb;
let answers: Answer[];
let sent: string[];
const clock = () => new Date('2026-11-27T19:00:00Z');

function statusOf(code: ErrorCode): number | null {
  if (code === 'platform_unreachable' || code === 'platform_timeout') return null;
  return (
    { rate_limited: 429, platform_error: 503, countermark_unknown: 404, already_used: 410, cancelled: 410 }[
      code as string
    ] ?? 403
  );
}

const fakeClient = {
  async getBookingByToken(token: string) {
    sent.push(`GET ${token}`);
    const answer = answers.shift() ?? 'ok';
    if (typeof answer === 'object') return answer.booking;
    if (answer !== 'ok') throw new PlatformError(answer, { status: statusOf(answer) });
    return booking(1);
  },
  async useToken(token: string) {
    sent.push(`USE ${token}`);
    const answer = answers.shift() ?? 'ok';
    if (answer !== 'ok' && typeof answer !== 'object') throw new PlatformError(answer, { status: statusOf(answer) });
  },
  async keepToken(token: string) {
    sent.push(`KEEP ${token}`);
    const answer = answers.shift() ?? 'ok';
    if (answer !== 'ok' && typeof answer !== 'object') throw new PlatformError(answer, { status: statusOf(answer) });
  },
} as unknown as PlatformClient;
const gateway: Gateway = (_lane, request) => request(fakeClient, { timeoutMs: (ceiling) => ceiling });

type Hooks = Pick<Parameters<typeof createUploader>[0], 'onChange' | 'onSettled'>;

function setup(clockOf: () => Date = clock, hooks: Partial<Hooks> = {}) {
  const clock = clockOf;
  const ledger = createLedger(db);
  const cache = createBookingCache(db);
  const queue = createUploadQueue(db, () => clock().toISOString());
  const connectivity = createConnectivity({
    now: () => clock().toISOString(),
    probe: async () => {},
    onChange: () => {},
  });
  const uploader = createUploader({
    queue,
    gateway,
    ledger,
    cache,
    connectivity: () => connectivity,
    counterName: 'Caisse 1',
    clock,
    logger: pino({ level: 'silent' }),
    onChange: () => {},
    ...hooks,
  });
  function enqueue(action: 'use' | 'keep', token: string, bookingId: number | null, provisional = false): number {
    let id = 0;
    ledger.append(
      {
        at: clock().toISOString(),
        counterName: 'Caisse 1',
        kind: action === 'use' ? 'validation' : 'undo',
        token,
        bookingId,
        outcome: action === 'use' ? (provisional ? 'provisional' : 'validated') : 'undone',
        platformStatus: null,
        platformAnswer: null,
      },
      (ledgerId) => (id = queue.add({ ledgerId, action, token, bookingId, provisional })),
    );
    return id;
  }
  return { queue, uploader, enqueue, ledger };
}

beforeEach(() => {
  db = openDatabase(':memory:');
  answers = [];
  sent = [];
});

describe('uploading the queue', () => {
  it('answers whoever waits for a row before marking it sent; the status and `upload.settled` see it sent', async () => {
    const seen: string[] = [];
    const { queue, uploader, enqueue } = setup(clock, {
      onChange: () => seen.push(`status: ${queue.get(id)?.state}`),
      onSettled: (row, settlement) => seen.push(`settled ${settlement}: ${queue.get(row.id)?.state}`),
    });
    const id = enqueue('use', 'AAAAA2', 1);
    const waiting = uploader.waitFor(id, 2_500).then((settlement) => {
      // The cashier's answer: the row's "sent" mark is not made yet, it follows on the next turn.
      seen.push(`answer ${settlement}: ${queue.get(id)?.state}`);
    });
    await uploader.drain();
    await waiting;
    expect(seen).toEqual(['answer sent: sending', 'status: done', 'settled sent: done']);
    expect(queue.get(id)?.state).toBe('done');
  });

  it('sends validations and undos in order, once each', async () => {
    const { queue, uploader, enqueue } = setup();
    enqueue('use', 'AAAAA2', 1);
    enqueue('keep', 'AAAAA2', 1);
    enqueue('use', 'BBBBB3', 2);
    await uploader.drain();
    expect(sent).toEqual(['USE AAAAA2', 'KEEP AAAAA2', 'USE BBBBB3']);
    expect(queue.stateCounts()).toEqual({ done: 3 });
  });

  it('counts a "410 already validated" after an attempt that may have reached the platform as done, with a note', async () => {
    const { queue, uploader, enqueue } = setup();
    const id = enqueue('use', 'AAAAA2', 1);
    answers = ['platform_timeout'];
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'pending', mayHaveReached: true });
    // The timed-out attempt did land: the platform now says "already validated".
    answers = ['already_used'];
    uploader.retryNow();
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'done', note: expect.stringMatching(/une seule fois/) });
  });

  it('a crash while sending counts as "may have reached": the restart settles a 410 as done', async () => {
    const { queue, uploader, enqueue } = setup();
    const id = enqueue('use', 'AAAAA2', 1);
    queue.markSending(queue.get(id)!); // killed here, mid-request
    expect(queue.recoverInterrupted()).toBe(1);
    answers = ['already_used'];
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it.each([
    ['already_used', 'used_elsewhere', /Déjà validée ailleurs/],
    ['cancelled', 'cancelled', /annulée/],
    ['reimbursed', 'reimbursed', /remboursée/],
    ['not_confirmed', 'not_confirmed', /pas encore/],
    ['countermark_unknown', 'countermark_unknown', /introuvable/],
    ['offerer_closed', 'offerer_closed', /fermée/],
  ] as const)(
    'keeps a %s refusal as a conflict with its reason, and goes on with the queue',
    async (code, reasonCode, reason) => {
      const { queue, uploader, enqueue, ledger } = setup();
      const id = enqueue('use', 'AAAAA2', 1);
      enqueue('use', 'BBBBB3', 2);
      answers = [code];
      await uploader.drain();
      expect(queue.get(id)).toMatchObject({ state: 'conflict', reasonCode, reason: expect.stringMatching(reason) });
      expect(queue.stateCounts()).toEqual({ conflict: 1, done: 1 });
      expect(ledger.since('2026-11-27T00:00:00Z').find((r) => r.kind === 'upload')).toMatchObject({
        outcome: 'use_conflict',
      });
    },
  );

  it('a conflict can be retried, and marked as handled with a comment (never dropped)', async () => {
    const { queue, uploader, enqueue } = setup();
    const id = enqueue('use', 'AAAAA2', 1);
    answers = ['cancelled'];
    await uploader.drain();
    queue.retry(id);
    answers = ['cancelled'];
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'conflict', attempts: 2 });
    queue.markHandled(id, 'Spectateur remboursé en caisse');
    expect(queue.get(id)).toMatchObject({ state: 'handled', comment: 'Spectateur remboursé en caisse' });
  });

  it.each([
    ['platform_unreachable', true],
    ['platform_timeout', true],
    ['platform_error', true],
    ['rate_limited', false],
    ['auth_invalid', false],
  ] as const)('retries after %s, with back-off, and later succeeds', async (code, mayHaveReached) => {
    const { queue, uploader, enqueue } = setup();
    const id = enqueue('use', 'AAAAA2', 1);
    answers = [code];
    await uploader.drain();
    const row = queue.get(id)!;
    expect(row).toMatchObject({ state: 'pending', mayHaveReached, attempts: 1 });
    expect(new Date(row.nextAttemptAt!).getTime()).toBeGreaterThan(clock().getTime());
    // The queue waits for its head: nothing after it is sent out of order.
    uploader.retryNow();
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('a provisional validation is sent only if the token belongs to the booking chosen by name', async () => {
    const { queue, uploader, enqueue } = setup();
    const good = enqueue('use', 'AAAAA2', 1, true);
    const wrong = enqueue('use', 'BBBBB3', 2, true);
    answers = [{ booking: booking(1) }, 'ok', { booking: booking(99) }];
    await uploader.drain();
    expect(sent).toEqual(['GET AAAAA2', 'USE AAAAA2', 'GET BBBBB3']);
    expect(queue.get(good)?.state).toBe('done');
    expect(queue.get(wrong)).toMatchObject({ state: 'conflict', reasonCode: 'token_other_booking' });
  });

  it('an undo the platform already applied after an interrupted attempt is done, with a note', async () => {
    const { queue, uploader, enqueue } = setup();
    const id = enqueue('keep', 'AAAAA2', 1);
    answers = ['platform_unreachable'];
    await uploader.drain();
    uploader.retryNow();
    answers = ['not_used'];
    await uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'done', note: expect.stringMatching(/invalidée/) });
  });

  it('waits while offline and sends nothing', async () => {
    const { uploader, enqueue } = setup();
    enqueue('use', 'AAAAA2', 1);
    const connectivity = createConnectivity({
      now: () => '',
      probe: () => Promise.reject(new Error('down')),
      onChange: () => {},
    });
    connectivity.reportFailure(new PlatformError('platform_unreachable'));
    const offline = createUploader({
      queue: createUploadQueue(db, () => clock().toISOString()),
      gateway,
      ledger: createLedger(db),
      cache: createBookingCache(db),
      connectivity: () => connectivity,
      counterName: 'Caisse 1',
      clock,
      logger: pino({ level: 'silent' }),
      onChange: () => {},
    });
    await offline.drain();
    expect(sent).toEqual([]);
    connectivity.stop();
    void uploader;
  });
});

describe('retry timing when the PC clock moves (issue 11, defect 5)', () => {
  const DAY = 24 * 60 * 60_000;
  afterEach(() => vi.useRealTimers());

  it('a clock set back after a failure does not freeze the queue: the back-off runs on the monotonic clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let wall = new Date(clock().getTime() + DAY); // the PC was a day ahead...
    const { queue, uploader, enqueue } = setup(() => wall);
    const id = enqueue('use', 'AAAAA2', 1);
    answers = ['platform_unreachable'];
    await uploader.drain();
    expect(queue.get(id)?.state).toBe('pending');
    wall = clock(); // ...and is corrected: the stored retry time is now a day away
    await vi.advanceTimersByTimeAsync(1_500); // the first back-off is 0.8–1.2 s
    await uploader.drain(); // the run the timer started ends with the "sent" mark, a turn after pass Culture's answer
    expect(queue.get(id)?.state).toBe('done');
    expect(sent).toEqual(['USE AAAAA2', 'USE AAAAA2']);
  });

  it('after a restart, a stored retry time a day ahead waits no longer than the back-off cap', async () => {
    const ahead = setup(() => new Date(clock().getTime() + DAY));
    const id = ahead.enqueue('use', 'AAAAA2', 1);
    answers = ['platform_error'];
    await ahead.uploader.drain();
    await ahead.uploader.stop();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const restarted = setup(); // the right time again
    await restarted.uploader.drain();
    expect(restarted.queue.get(id)?.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(61_000);
    await restarted.uploader.drain();
    expect(restarted.queue.get(id)?.state).toBe('done');
  });

  it('"Synchroniser maintenant" (retryNow) sends a waiting row at once', async () => {
    const { queue, uploader, enqueue } = setup(() => new Date(clock().getTime() + DAY));
    const id = enqueue('use', 'AAAAA2', 1);
    answers = ['platform_timeout'];
    await uploader.drain();
    const restarted = setup();
    restarted.uploader.retryNow();
    answers = ['already_used'];
    await restarted.uploader.drain();
    expect(queue.get(id)).toMatchObject({ state: 'done', note: expect.stringMatching(/une seule fois/) });
    await uploader.stop();
  });
});

describe('one worker per row (issue 11, defect 2)', () => {
  it('never hands a row another worker is sending to a second one', async () => {
    const first = setup();
    const id = first.enqueue('use', 'AAAAA2', 1);
    // The first worker claims the row (its request is on its way)...
    expect(first.queue.markSending(first.queue.get(id)!)).toBe(true);
    // ...a second worker on the same database neither gets it nor can claim it, and sends nothing.
    const second = setup();
    expect(second.queue.next()).toBeUndefined();
    expect(second.queue.markSending(first.queue.get(id)!)).toBe(false);
    await second.uploader.drain();
    expect(sent).toEqual([]);
    // The first one still owns it.
    expect(first.queue.next()?.id).toBe(id);
  });
});
