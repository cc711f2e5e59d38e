import type { Logger } from 'pino';
import type { Envelope, EventName } from '../../shared/contract';
import type { SeanceWindow } from '../../shared/seanceWindow';
import type { PrinterDeps } from './printing/printingService';
import type { CallFunction } from './client';
import type { Authorize } from './dispatch';
import type { Caller } from './staff/actor';
import type { AuditAction } from '../../shared/contract';
import type { Replica } from './replica';
import type { Handover } from './handover';

/** What the core is made of. Tests pass a sandbox URL, a frozen clock and their own data folder. */
export interface CoreDeps {
  /** Folder of this counter's database (one per account/environment, so demo and live never mix). */
  dataDir: string;
  /** `fetch`: tests only, to see or alter the engine's API calls (the engine's own undici pool otherwise). */
  platform: { baseUrl: string; apiKey: string; fetch?: typeof fetch };
  mode: 'demo' | 'live';
  counterName: string;
  /** Venues this counter serves (the key may reach several); by default the key's first cinema. */
  venueIds?: number[];
  /** Demo mode: control API of the embedded sandbox (lists its bookings with tokens). */
  demoControlUrl?: string;
  clock?: () => Date;
  /** Monotonic milliseconds for the idle lock and the PIN pad's lock-out (performance.now by default). */
  monotonicMs?: () => number;
  logger: Logger;
  /** Request timeout for a cashier's lookup, in ms (default 3000). */
  lookupTimeoutMs?: number;
  /** Sync cycle period in ms (default 30 s); 0 leaves sync to explicit `sync.now` calls (tests). */
  syncPeriodMs?: number;
  /** The platform's documented limit (200 per minute per key) and the share background sync may use. */
  rateLimitPerMinute?: number;
  backgroundShare?: number;
  /** Who holds the data folder's lock, as the refusal of a second engine says (`browser`, `electron`...). */
  lockHolder?: string;
  /** Delay before the first daily-backup check (30 s by default; tests make it short). */
  firstBackupDelayMs?: number;
  /**
   * The séance window used until Réglages sets one (default 1 h before to 30 min after the start). Tests that are
   * not about the window widen it, so any booking of the sandbox's week is "of the moment".
   */
  seanceWindow?: SeanceWindow;
  /** Entry-slip printing: the default printer (COUNTER_PRINTER) and what the host offers (OS printing). */
  printer?: PrinterDeps;
}

export type EventListener = (name: EventName, payload: unknown) => void;

/** The engine as hosts see it: one dispatcher for every contract call, and a stream of events. */
export interface Core {
  /** Parses `input` against the contract and runs the call; never throws. */
  dispatch(name: unknown, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** The role check of the one dispatcher, for the host's own calls (account.*, database.*). */
  authorize: Authorize;
  /** The host lost a screen (its socket closed): the person signed in there is signed out. */
  forgetTerminal(terminal: string): void;
  /** An audit row for what the host did itself (an account's data erased), as the calling person. */
  recordAudit(action: AuditAction, detail?: string): void;
  /** The same call, typed, for tests and scripts: the value, or a thrown ContractCallError (client.ts). */
  call: CallFunction;
  onEvent(listener: EventListener): () => void;
  /**
   * Background sync on or off (on at start). Off while this counter is a secondary: its main counter talks to pass
   * Culture for it. Optional: a host that proxies an engine elsewhere may not offer it.
   */
  setBackgroundSync?(enabled: boolean): void;
  /**
   * A guichet call the host answers without the engine (a connected secondary forwards it to its main counter),
   * counted as the engine's own while it runs: background work on this engine — a replica catch-up's pages — waits
   * for it as for a scan it answers itself (foreground.ts). Optional: a host proxying an engine may not offer it.
   */
  inForeground?<T>(name: unknown, call: () => Promise<T>): Promise<T>;
  /** Several counters (issue 14): a main counter's pages for its secondaries, a secondary's replica. */
  replica?: Replica;
  /** Several counters: a secondary's autonomous actions handed over to its main counter, exactly once. */
  handover?: Handover;
  close(): Promise<void>;
}
