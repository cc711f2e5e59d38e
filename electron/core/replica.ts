/**
 * The replica of a main counter's mirror and ledger actions, as the engine offers it to its LAN host (issue 14):
 * `serve` answers a secondary's pull (main counter), the `save*` functions write what a secondary pulled and tell
 * its screens (secondary). No contract call reaches this: the LAN host calls it directly, for paired secondaries
 * only (electron/lan/mainListener.ts), and the pull's own schemas are in shared/lanWire.ts.
 */
import { z } from 'zod';
import type { EventName, EventPayload } from '../../shared/contract';
import {
  REPLICA_PAGE,
  type ReplicaAction,
  type ReplicaAnswer,
  type ReplicaBooking,
  type ReplicaOffer,
  type ReplicaPull,
  type ReplicaSeance,
} from '../../shared/lanWire';
import type { ReplicaSink, ReplicaSource } from './db/replica';
import type { SettingsStore } from './db/settings';
import type { CounterSettingsStore } from './counter/counterSettings';
import type { SeanceWindow } from '../../shared/seanceWindow';

const CURSOR_KEY = 'lan.replica';
const ANNOUNCE_MS = 200;
const cursorSchema = z.object({ main: z.string(), seq: z.number().int(), bookingId: z.number().int() });

export interface BookingsCursor {
  seq: number;
  bookingId: number;
}

export interface Replica {
  /** Main counter: one page of what a secondary asks for. */
  serve(pull: ReplicaPull): ReplicaAnswer;
  /** Secondary: where the catch-up from `main` (its certificate's fingerprint) stands; another main starts over. */
  cursor(main: string): { bookings: BookingsCursor; actions: number };
  /**
   * Rows of a cursor pull, in cursor order. Resolves once written: before writing, the guichet's calls go first and
   * the WAL may start over (`beforePageWrite`), as before a sync's page.
   */
  saveBookings(main: string, rows: ReplicaBooking[]): Promise<void>;
  saveActions(rows: ReplicaAction[]): Promise<void>;
  saveProgramme(seances: ReplicaSeance[], offers: ReplicaOffer[]): void;
  /** The main counter's séance window, made this counter's (its sounds and notifications stay its own). */
  saveWindow(window: SeanceWindow): void;
  unsettledActionIds(): number[];
}

export interface ReplicaDeps {
  counterSettings: CounterSettingsStore;
  source: ReplicaSource;
  sink: ReplicaSink;
  settings: SettingsStore;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  /**
   * Before each page a pull brought is written: the guichet's calls go first (foreground.ts) and the WAL starts over
   * once it has grown large (walCheckpointer.ts catchUp). A first catch-up is a season's pages back to back, as a
   * main counter's first sync is, and gets the same hook (severalCounters.ts).
   */
  beforePageWrite: () => Promise<void>;
}

export function createReplica(deps: ReplicaDeps): Replica {
  const { source, sink, settings, beforePageWrite } = deps;
  // One row more than a page says whether more follow, without a second query.
  const page = <T>(rows: T[]) => ({ rows: rows.slice(0, REPLICA_PAGE), more: rows.length > REPLICA_PAGE });

  const changed = new Set<number>();
  const cancelled = new Set<number>();
  let announcing: NodeJS.Timeout | null = null;
  function announceSoon(): void {
    if (announcing) return;
    announcing = setTimeout(() => {
      announcing = null;
      deps.emit('bookings.changed', { added: [...changed], cancelled: [...cancelled] });
      changed.clear();
      cancelled.clear();
    }, ANNOUNCE_MS);
    announcing.unref();
  }

  return {
    serve(pull) {
      switch (pull.what) {
        case 'bookings':
          return {
            what: 'bookings',
            ...page(source.bookingsAfter(pull.after.seq, pull.after.bookingId, REPLICA_PAGE + 1)),
          };
        case 'actions':
          return { what: 'actions', ...page(source.actionsAfter(pull.after, REPLICA_PAGE + 1)) };
        case 'actionIds':
          return { what: 'actions', rows: source.actionsByIds(pull.ids), more: false };
        case 'seances':
          return { what: 'seances', ...page(source.seancesAfter(pull.after, REPLICA_PAGE + 1)) };
        case 'offers':
          return { what: 'offers', ...page(source.offersAfter(pull.after, REPLICA_PAGE + 1)) };
        case 'window':
          return { what: 'window', window: deps.counterSettings.seanceWindow() };
      }
    },

    cursor(main) {
      const saved = settings.read(CURSOR_KEY, cursorSchema);
      if (saved && saved.main === main) {
        return { bookings: { seq: saved.seq, bookingId: saved.bookingId }, actions: sink.lastActionId() };
      }
      // Paired with another main counter (or never): its ledger ids and change cursor mean nothing here.
      if (saved) sink.forgetActions();
      return { bookings: { seq: 0, bookingId: 0 }, actions: 0 };
    },

    async saveBookings(main, rows) {
      if (rows.length === 0) return;
      await beforePageWrite();
      // Rows come in cursor order: the last one is where the next pull starts. Written with the page, in its
      // transaction (db/replica.ts: relaxed, a page lost to a power cut is pulled again).
      const last = rows[rows.length - 1]!;
      sink.bookings(rows, { key: CURSOR_KEY, value: { main, seq: last.changeSeq, bookingId: last.bookingId } });
      // The secondary's lists refresh as a main counter's do after a sync: once for a burst of pages (a catch-up
      // of a whole season is hundreds of them), not once per page.
      for (const row of rows) {
        changed.add(row.bookingId);
        if (row.status === 'CANCELLED') cancelled.add(row.bookingId);
      }
      announceSoon();
    },

    async saveActions(rows) {
      if (rows.length === 0) return;
      await beforePageWrite();
      sink.actions(rows);
    },

    saveProgramme(seances, offers) {
      sink.programme(seances, offers);
      deps.emit('programme.changed', {});
    },

    saveWindow(window) {
      const current = deps.counterSettings.seanceWindow();
      if (current.beforeMinutes === window.beforeMinutes && current.afterMinutes === window.afterMinutes) return;
      deps.emit('counter.settings.changed', deps.counterSettings.set({ seanceWindow: window }));
    },

    unsettledActionIds: () => sink.unsettledActionIds(),
  };
}
