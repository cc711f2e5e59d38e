/**
 * A secondary counter keeps a read-only replica of its main counter's mirror (bookings, séances, films), of its
 * ledger's validations and undos, and of its séance window (issue 14), so its own screens (Programme, Fin de journée…) show the venue as it is
 * now, and so it can answer alone when the main counter cannot (autonomous mode).
 *
 * Catch-up on every (re)connection: bookings from the change cursor, actions from the last ledger id copied, the
 * programme whole, and the actions whose upload the main counter had not settled yet. Then live: the main counter's
 * `bookings.changed`, `ledger.changed`, `upload.settled` and `programme.changed` say something moved, and the same
 * cursor pulls bring it (a lookup there teaches a token, a sync changes a status: the cursor catches both, the
 * event's ids alone would not). A slow poll is the safety net for an event lost with a dropped frame.
 *
 * One pull at a time; what is asked for meanwhile is merged into the next run. The main counter's event reaches this
 * counter's screens only once the replica holds what it announced, so a screen refreshing on it reads the new rows.
 */
import type { Logger } from 'pino';
import type { EventName } from '../../shared/contract';
import type { ReplicaAnswer, ReplicaOffer, ReplicaPull, ReplicaSeance } from '../../shared/lanWire';
import type { Replica } from '../core/replica';
import type { MainConnection } from './mainClient';

const POLL_MS = 10_000;
/** Bounded so a runaway cursor can never loop for ever (500 × 2,000 = a million rows). */
const MAX_PAGES = 2_000;

export interface ReplicaFollower {
  /** The link came up: catch up on everything. */
  connected(): void;
  /** An event from the main counter: what it announces is pulled, then it is passed on (`deliver`). */
  mainEvent(name: EventName, payload: unknown): void;
  /** When the replica last finished a pull without failing (null before the first). */
  lastCurrentAt(): string | null;
  /** Resolves once nothing is being pulled (tests, hand-over). */
  idle(): Promise<void>;
  close(): void;
}

export interface ReplicaFollowerOptions {
  replica: Replica;
  /** The main counter's certificate fingerprint: another main counter's cursors are not reused. */
  main: string;
  connection: () => MainConnection | null;
  deliver: (name: EventName, payload: unknown) => void;
  logger: Logger;
  clock?: () => Date;
}

interface Wanted {
  window: boolean;
  bookings: boolean;
  actions: boolean;
  programme: boolean;
  unsettled: boolean;
  actionIds: Set<number>;
}

export function createReplicaFollower(options: ReplicaFollowerOptions): ReplicaFollower {
  const { replica, main, logger } = options;
  const clock = options.clock ?? (() => new Date());
  let wanted: Wanted = none();
  let held: [EventName, unknown][] = [];
  let running: Promise<void> | null = null;
  let lastCurrent: string | null = null;
  let closed = false;

  function none(): Wanted {
    return {
      window: false,
      bookings: false,
      actions: false,
      programme: false,
      unsettled: false,
      actionIds: new Set(),
    };
  }

  function ask(parts: Partial<Omit<Wanted, 'actionIds'>>, actionIds: number[] = []): void {
    wanted = { ...wanted, ...Object.fromEntries(Object.entries(parts).filter(([, on]) => on)) };
    for (const id of actionIds) wanted.actionIds.add(id);
    if (!running && !closed) running = run().finally(() => (running = null));
  }

  async function pull(request: ReplicaPull): Promise<ReplicaAnswer | null> {
    const link = options.connection();
    return link ? link.pull(request) : null;
  }

  async function pullBookings(): Promise<boolean> {
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const answer = await pull({ what: 'bookings', after: replica.cursor(main).bookings });
      if (answer?.what !== 'bookings') return false;
      await replica.saveBookings(main, answer.rows);
      if (!answer.more) return true;
    }
    return true;
  }

  async function pullWindow(): Promise<boolean> {
    const answer = await pull({ what: 'window' });
    if (answer?.what !== 'window') return false;
    replica.saveWindow(answer.window);
    return true;
  }

  async function pullActions(): Promise<boolean> {
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const answer = await pull({ what: 'actions', after: replica.cursor(main).actions });
      if (answer?.what !== 'actions') return false;
      await replica.saveActions(answer.rows);
      if (!answer.more) return true;
    }
    return true;
  }

  async function pullActionIds(ids: number[]): Promise<boolean> {
    for (let start = 0; start < ids.length; start += 500) {
      const answer = await pull({ what: 'actionIds', ids: ids.slice(start, start + 500) });
      if (answer?.what !== 'actions') return false;
      await replica.saveActions(answer.rows);
    }
    return true;
  }

  /** The programme is copied whole, then saved in one transaction (a séance gone there goes here too). */
  async function pullProgramme(): Promise<boolean> {
    const seances: ReplicaSeance[] = [];
    const offers: ReplicaOffer[] = [];
    for (const what of ['seances', 'offers'] as const) {
      let after = 0;
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const answer = await pull({ what, after });
        if (answer?.what === 'seances' && what === 'seances') {
          seances.push(...answer.rows);
          after = answer.rows.at(-1)?.stockId ?? after;
        } else if (answer?.what === 'offers' && what === 'offers') {
          offers.push(...answer.rows);
          after = answer.rows.at(-1)?.offerId ?? after;
        } else return false;
        if (!answer.more) break;
      }
    }
    replica.saveProgramme(seances, offers);
    return true;
  }

  async function run(): Promise<void> {
    while (!closed) {
      const now = wanted;
      wanted = none();
      const events = held;
      held = [];
      if (!now.window && !now.bookings && !now.actions && !now.programme && !now.unsettled && !now.actionIds.size) {
        for (const [name, payload] of events) options.deliver(name, payload);
        return;
      }
      try {
        const ids = [...now.actionIds, ...(now.unsettled ? replica.unsettledActionIds() : [])];
        const done =
          (!now.window || (await pullWindow())) &&
          (!now.bookings || (await pullBookings())) &&
          (!now.actions || (await pullActions())) &&
          (ids.length === 0 || (await pullActionIds(ids))) &&
          (!now.programme || (await pullProgramme()));
        if (done) lastCurrent = clock().toISOString();
        // The link dropped mid-pull: the next connection catches up on everything anyway.
      } catch (error) {
        // The database closed under a pull (the counter stopping), or a row the store refused.
        logger.warn({ err: String(error) }, 'replica pull failed');
      }
      for (const [name, payload] of events) options.deliver(name, payload);
    }
  }

  const poll = setInterval(() => ask({ bookings: true, actions: true, unsettled: true }), POLL_MS);
  poll.unref();

  return {
    connected() {
      ask({ window: true, bookings: true, actions: true, programme: true, unsettled: true });
    },
    mainEvent(name, payload) {
      switch (name) {
        case 'bookings.changed':
          // Said again by the replica itself once saved (core/replica.ts): not passed on twice.
          return ask({ bookings: true });
        case 'programme.changed':
          return ask({ programme: true });
        case 'counter.settings.changed':
          // The main counter's sounds are not this counter's: only its séance window is pulled (and announced here).
          return ask({ window: true });
        case 'ledger.changed':
          held.push([name, payload]);
          return ask({ bookings: true, actions: true });
        case 'upload.settled': {
          held.push([name, payload]);
          const ledgerId = (payload as { ledgerId?: unknown }).ledgerId;
          return ask({}, typeof ledgerId === 'number' ? [ledgerId] : []);
        }
        default:
          options.deliver(name, payload);
      }
    },
    lastCurrentAt: () => lastCurrent,
    async idle() {
      while (running) await running;
    },
    close() {
      closed = true;
      clearInterval(poll);
    },
  };
}
