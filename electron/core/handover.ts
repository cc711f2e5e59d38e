/**
 * The hand-over (issue 14): what a secondary validated or undid in autonomous mode becomes its main counter's, in
 * order and exactly once.
 *
 * Main counter (`receive`): each action in its own transaction — the ledger row (under the secondary's name and
 * person, at the secondary's time), its upload-queue row when it still has to be sent (one already sent by the
 * secondary is recorded as done and never sent again), and the receipt keyed by (secondary, its ledger id). A key
 * already received answers the same ledger id and writes nothing: replays and interrupted hand-overs are harmless.
 * A validation of a countermark the main counter's ledger already counts as admitted (by another counter, while
 * they were cut off) is recorded as a conflict naming both counters and both times, never sent, never hidden.
 *
 * Secondary (`pending`, `acknowledge`): its autonomous actions are its own ledger rows after the mark taken when it
 * paired; its uploader is paused while it is connected (the main counter sends for the venue), and a row being sent
 * is never handed over before it settles.
 */
import { z } from 'zod';
import type { EventName, EventPayload } from '../../shared/contract';
import { formatTime } from '../../shared/dates';
import { t } from '../../shared/i18n';
import type { HandoverAction, HandoverAnswer } from '../../shared/lanWire';
import type { HandoverStore } from './db/handover';
import type { Ledger } from './db/ledger';
import type { SettingsStore } from './db/settings';
import type { UploadQueue } from './db/uploadQueue';
import type { Standings } from './counter/validationStanding';
import { runAs } from './staff/actor';
import type { Uploader } from './sync/uploader';

const MARK_KEY = 'lan.handover';
const markSchema = z.object({ main: z.string(), after: z.number().int() });

export interface Handover {
  // ----- a secondary
  /** Paired with `main` (its fingerprint): actions after this point are handed over to it. Kept when it is the same. */
  markPaired(main: string): void;
  /** The next actions to hand over, in order; stops before a row being sent. */
  pending(main: string, limit: number): HandoverAction[];
  waiting(main: string): number;
  acknowledge(receipts: HandoverAnswer['receipts']): void;
  pauseUploads(): Promise<void>;
  resumeUploads(): void;
  // ----- a main counter
  receive(secondary: { id: string; name: string }, actions: HandoverAction[]): HandoverAnswer;
}

export interface HandoverDeps {
  store: HandoverStore;
  settings: SettingsStore;
  ledger: Ledger;
  queue: UploadQueue;
  standings: Standings;
  uploader: Uploader;
  clock: () => Date;
  timeZone: () => string;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  onQueued: () => void;
}

export function createHandover(deps: HandoverDeps): Handover {
  const { store, settings, ledger, queue } = deps;
  const now = () => deps.clock().toISOString();
  const at = (iso: string) => formatTime(iso, deps.timeZone());

  function mark(main: string): number | null {
    const saved = settings.read(MARK_KEY, markSchema);
    return saved && saved.main === main ? saved.after : null;
  }

  /** The queue row's state as the main counter needs it; null: being sent, wait until it settles. */
  function uploadOf(state: string | null): HandoverAction['upload'] | null {
    if (state === 'sending') return null;
    if (state === 'pending') return 'pending';
    if (state === 'conflict' || state === 'handled') return 'conflict';
    // Sent, or nothing to send (an undo of a validation never sent).
    return 'done';
  }

  /** "Admise à Caisse 1 à 20:41 et à Caisse 2 à 20:43": both counters, in the order they admitted. */
  function doubleReason(standing: { counterName: string; at: string }, name: string, atTime: string): string {
    const [first, second] =
      standing.at <= atTime
        ? [
            { name: standing.counterName, at: standing.at },
            { name, at: atTime },
          ]
        : [
            { name, at: atTime },
            { name: standing.counterName, at: standing.at },
          ];
    return t('sync.double_admission', {
      first: first.name,
      firstAt: at(first.at),
      second: second.name,
      secondAt: at(second.at),
    });
  }

  function receiveOne(secondary: { id: string; name: string }, action: HandoverAction): number {
    const known = store.receiptOf(secondary.id, action.secondaryLedgerId);
    if (known !== undefined) return known;
    const standing = action.kind === 'validation' ? deps.standings.ofToken(action.token).validation : null;
    const double = standing !== null && action.upload !== 'conflict';
    const ownRow = double && action.upload === 'done' ? queue.byLedgerId(standing.ledgerId) : undefined;
    const mainRow = ownRow?.state === 'pending' && ownRow.attempts === 0 ? ownRow : undefined;
    const ledgerId = ledger.appendNow(
      {
        at: action.at,
        counterName: secondary.name,
        kind: action.kind,
        token: action.token,
        bookingId: action.bookingId,
        outcome: action.outcome,
        platformStatus: null,
        platformAnswer: { handedOverBy: secondary.name, secondaryLedgerId: action.secondaryLedgerId },
      },
      (id) => {
        store.addReceipt(secondary.id, action.secondaryLedgerId, id, now());
        // Every validation and undo has its queue row (counterActions.ts reads actions through it): one the
        // secondary already sent is recorded as done at once, in this transaction, so it is never sent again.
        const queueId = queue.add({
          ledgerId: id,
          action: action.kind === 'validation' ? 'use' : 'keep',
          token: action.token,
          bookingId: action.bookingId,
          provisional: action.outcome === 'provisional',
        });
        if (double && mainRow) {
          // The secondary's admission reached pass Culture and this counter's own was never tried: sending it
          // would only be refused as "already used". It becomes the conflict (never sent); the one pass Culture
          // has stands.
          queue.markConflict(mainRow.id, 'double_admission', doubleReason(standing, secondary.name, action.at));
          queue.markDone(queueId, t('sync.sent_by_secondary', { counter: secondary.name }));
        } else if (double) {
          queue.markConflict(queueId, 'double_admission', doubleReason(standing, secondary.name, action.at));
        } else if (action.upload === 'conflict') {
          queue.markConflict(queueId, 'refused_at_secondary', t('sync.used_elsewhere'));
        } else if (action.upload === 'done') {
          queue.markDone(queueId, t('sync.sent_by_secondary', { counter: secondary.name }));
        }
      },
    );
    deps.emit('ledger.changed', { entryId: ledgerId, kind: action.kind });
    return ledgerId;
  }

  return {
    markPaired(main) {
      if (mark(main) === null) settings.write(MARK_KEY, { main, after: store.lastLedgerId() });
    },

    pending(main, limit) {
      const after = mark(main);
      if (after === null) return [];
      const actions: HandoverAction[] = [];
      for (const row of store.unhanded(after, limit)) {
        const upload = uploadOf(row.queueId === null ? null : row.uploadState);
        // In order: nothing after a row being sent goes before it.
        if (upload === null) break;
        actions.push({
          secondaryLedgerId: row.ledgerId,
          kind: row.kind,
          token: row.token,
          bookingId: row.bookingId,
          outcome: row.outcome,
          at: row.at,
          personName: row.personName,
          upload,
        });
      }
      return actions;
    },

    waiting(main) {
      const after = mark(main);
      return after === null ? 0 : store.waiting(after);
    },

    acknowledge(receipts) {
      const note = t('sync.handed_over');
      for (const { secondaryLedgerId, mainLedgerId } of receipts) {
        store.acknowledge(
          secondaryLedgerId,
          mainLedgerId,
          queue.byLedgerId(secondaryLedgerId)?.id ?? null,
          note,
          now(),
        );
      }
      deps.onQueued();
    },

    pauseUploads: () => deps.uploader.pause(),
    resumeUploads: () => deps.uploader.resume(),

    receive(secondary, actions) {
      const receipts = actions.map((action) => ({
        secondaryLedgerId: action.secondaryLedgerId,
        // The person the secondary names, as on a forwarded call (staff/actor.ts).
        mainLedgerId: runAs(
          { terminal: `lan:${secondary.id}`, personId: null, personName: action.personName, role: null },
          () => store.inTransaction(() => receiveOne(secondary, action)),
        ),
      }));
      deps.onQueued();
      void deps.uploader.drain();
      return { receipts };
    },
  };
}
