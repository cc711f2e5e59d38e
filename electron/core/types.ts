import type { Logger } from 'pino';
import type { Envelope, EventName } from '../../shared/contract';

/** What the core is made of. Tests pass a sandbox URL, a frozen clock and their own data folder. */
export interface CoreDeps {
  /** Folder of this counter's database (one per account/environment, so demo and live never mix). */
  dataDir: string;
  platform: { baseUrl: string; apiKey: string };
  mode: 'demo' | 'live';
  counterName: string;
  /** Needed when the key reaches several venues. */
  venueId?: number;
  /** Demo mode: control API of the embedded sandbox (lists its bookings with tokens). */
  demoControlUrl?: string;
  clock?: () => Date;
  logger: Logger;
  /** Request timeout for a cashier's lookup, in ms (default 3000). */
  lookupTimeoutMs?: number;
}

export type EventListener = (name: EventName, payload: unknown) => void;

/** The engine as hosts see it: one dispatcher for every contract call, and a stream of events. */
export interface Core {
  /** Parses `input` against the contract and runs the call; never throws. */
  dispatch(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
