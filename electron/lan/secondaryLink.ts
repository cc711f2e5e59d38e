/**
 * A secondary counter's side of the LAN (issue 14): its link to the main counter, the replica that follows it, and
 * the mode it is in.
 * - **connected**: the guichet's calls go to the main counter (lanHost.ts), this counter's uploader is held (the main
 *   counter sends for the venue), and whatever it validated on its own is handed over first, in order, exactly once
 *   (core/handover.ts);
 * - **autonomous**: the main counter does not answer. The guichet's calls are this counter's own engine's: verdicts
 *   from its replica (the main counter's validations count: "déjà validée à 20:41 à Caisse 1") plus its own ledger and
 *   upload queue, sent by its own uploader if pass Culture answers it (the platform arbitrates). It leaves this mode
 *   by itself as soon as the link is back;
 * - **revoked**: the main counter refused it: nothing is validated here until it is paired again.
 */
import type { Logger } from 'pino';
import { validationSchema, type CallName, type Envelope, type EventName } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { HANDOVER_BATCH, type LanPerson } from '../../shared/lanWire';
import { ContractFailure } from '../core/contractFailure';
import { LOCAL_CALLER, type Caller } from '../core/staff/actor';
import type { Core } from '../core/types';
import type { MainLink } from './lanStore';
import { connectToMain, type MainConnection } from './mainClient';
import { createReplicaFollower } from './replicaFollower';

const HANDOVER_RETRY_MS = 5_000;

export type SecondaryMode = 'connected' | 'autonomous' | 'revoked';

export interface SecondaryLink {
  /** A guichet call (granted to secondaries): to the main counter, or this counter's own engine when autonomous. */
  forward(name: CallName, input: unknown, caller: Caller | undefined): Promise<Envelope<unknown>>;
  connection(): MainConnection;
  mode(): SecondaryMode;
  /** Since when it is autonomous (null when connected). */
  autonomousSince(): string | null;
  /** Autonomous actions not handed over yet. */
  waiting(): number;
  /** When the replica was last brought up to date. */
  replicaAt(): string | null;
  /** Resolves once a hand-over and a replica pull in progress are over (tests, bench). */
  settled(): Promise<void>;
  close(): void;
}

export interface SecondaryLinkOptions {
  core: Core;
  link: MainLink;
  logger: Logger;
  /** Events for this counter's screens (the main counter's, once the replica holds what they announce). */
  deliver: (name: EventName, payload: unknown) => void;
  /** The mode, the queue or the link changed: the banner and Réglages refresh. */
  changed: () => void;
}

export function startSecondaryLink(options: SecondaryLinkOptions): SecondaryLink {
  const { core, link, logger } = options;
  const fingerprint = link.fingerprint;
  let revoked = false;
  let closed = false;
  let autonomousSince: string | null = new Date().toISOString();
  let handingOver: Promise<void> | null = null;
  // Actions made from now on (not the lone counter's history before pairing) are this main counter's to receive.
  // (No engine running — a damaged database being recovered — leaves it for the next start.)
  try {
    core.handover?.markPaired(fingerprint);
  } catch (error) {
    logger.warn({ err: String(error) }, 'pairing mark for the hand-over not written');
  }

  const follower = core.replica
    ? createReplicaFollower({ replica: core.replica, main: fingerprint, connection: () => connection, deliver, logger })
    : null;

  function deliver(name: EventName, payload: unknown): void {
    options.deliver(name, payload);
  }

  const connection: MainConnection = connectToMain({
    link,
    logger,
    onEvent: (name, payload) => (follower ? follower.mainEvent(name, payload) : deliver(name, payload)),
    onState: (state) => {
      if (state === 'revoked') {
        revoked = true;
        logger.warn('this secondary counter was revoked by its main counter');
      } else if (state === 'connected') {
        autonomousSince = null;
        logger.info('main counter answers: leaving autonomous mode');
        handingOver ??= handOver().finally(() => (handingOver = null));
        follower?.connected();
      } else {
        autonomousSince = new Date().toISOString();
        logger.warn('main counter unreachable: autonomous mode');
        // Its own uploader sends what it validates from now on (pass Culture arbitrates).
        try {
          core.handover?.resumeUploads();
        } catch (error) {
          logger.warn({ err: String(error) }, 'uploads not resumed (no engine running)');
        }
      }
      options.changed();
    },
  });

  let retry: NodeJS.Timeout | null = null;
  function retryLater(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (connection.isConnected()) handingOver ??= handOver().finally(() => (handingOver = null));
    }, HANDOVER_RETRY_MS);
    retry.unref();
  }

  /** Everything validated or undone here while autonomous, to the main counter, in order, in batches. */
  async function handOver(): Promise<void> {
    const handover = core.handover;
    if (!handover) return;
    try {
      // A row being sent settles first: it is handed over as sent (or refused), never sent twice.
      await handover.pauseUploads();
      // The main counter's manager sees the queue before it empties (Synchronisation).
      await connection.report({ waiting: handover.waiting(fingerprint) });
      for (;;) {
        if (closed || !connection.isConnected()) return;
        const actions = handover.pending(fingerprint, HANDOVER_BATCH);
        if (actions.length === 0) break;
        const answer = await connection.handOver(actions);
        // The link dropped, or the main counter could not record them (its disk, a restart): the next connection,
        // or a retry while this one lasts, starts again where this one stopped (what it recorded is keyed, so
        // nothing is doubled).
        if (!answer) return retryLater();
        handover.acknowledge(answer.receipts);
        options.changed();
      }
      await connection.report({ waiting: handover.waiting(fingerprint) });
    } catch (error) {
      logger.warn({ err: String(error) }, 'hand-over to the main counter interrupted');
      retryLater();
    }
  }

  async function forward(name: CallName, input: unknown, caller: Caller | undefined): Promise<Envelope<unknown>> {
    // This counter's own team decides who may make the call here; the main counter is told who it is.
    let person: LanPerson;
    try {
      const actor = core.authorize(name, caller ?? LOCAL_CALLER);
      person = { personName: actor.personName, role: actor.role ?? 'cashier' };
    } catch (error) {
      if (error instanceof ContractFailure) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
    if (revoked) return { ok: false, error: { code: 'main_unreachable', message: t('errors.main_unreachable') } };
    // Autonomous: this counter's own engine answers (its replica, its ledger and queue, its printer).
    if (!connection.isConnected()) return core.dispatch(name, input, caller);
    // A scan being read here: the main counter answers its lookup, and this counter's replica pages wait for it too.
    if (name === 'counter.scanUnderway') void core.dispatch(name, input, caller);
    // Counted by this counter's engine while the main counter answers: a replica page waits for it (foreground.ts).
    const send = () => connection.call(name, input, person);
    const envelope = await (core.inForeground ? core.inForeground(name, send) : send());
    if (name === 'counter.validate' && envelope.ok) printHere(envelope.value, caller);
    return envelope;
  }

  /** The slip of a validation the main counter recorded for this counter prints here, on this counter's printer. */
  function printHere(value: unknown, caller: Caller | undefined): void {
    const validation = validationSchema.safeParse(value);
    if (!validation.success) return;
    void core.dispatch('printer.printValidation', { validation: validation.data }, caller).then((answer) => {
      if (!answer.ok) logger.warn({ code: answer.error.code }, 'entry slip of a forwarded validation not printed');
    });
  }

  return {
    forward,
    connection: () => connection,
    mode: () => (revoked ? 'revoked' : connection.isConnected() ? 'connected' : 'autonomous'),
    autonomousSince: () => (connection.isConnected() || revoked ? null : autonomousSince),
    waiting: () => {
      try {
        return core.handover?.waiting(fingerprint) ?? 0;
      } catch {
        return 0; // no engine running (being recovered): nothing it can say
      }
    },
    replicaAt: () => follower?.lastCurrentAt() ?? null,
    async settled() {
      while (handingOver) await handingOver;
      await follower?.idle();
    },
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      follower?.close();
      connection.close();
    },
  };
}
