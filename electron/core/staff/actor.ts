/**
 * Who is making the call being answered: the screen it comes from and the person signed in there. The dispatcher
 * runs each handler inside this context (AsyncLocalStorage), so the ledger, the upload queue and the print queue
 * stamp their rows with the person without every function between them passing it along. Background work (sync,
 * the uploader's own rows) runs outside any call: no person.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { StaffRole } from '../../../shared/contract';

/** A screen the hosts tell apart (a WebSocket, a window); in-process callers (tests, scripts) are `local`. */
export interface Caller {
  terminal: string;
  /**
   * A call a paired secondary counter forwarded (electron/lan/): the person signed in at that counter's screen, as
   * the secondary vouches for them (null when it has no team). Teams are per counter; the main counter trusts its
   * paired, token-holding secondaries for who is at their screens, and grants them the guichet's calls only.
   */
  vouched?: { personName: string | null; role: StaffRole };
}
export const LOCAL_CALLER: Caller = { terminal: 'local' };

export interface Actor {
  terminal: string;
  /** null: the implicit manager of a counter with no team configured, or nobody (a call open to all). */
  personId: number | null;
  personName: string | null;
  role: StaffRole | null;
}

const storage = new AsyncLocalStorage<Actor>();

export function runAs<T>(actor: Actor, work: () => T): T {
  return storage.run(actor, work);
}

export function currentActor(): Actor | undefined {
  return storage.getStore();
}

/** The columns every attributed row carries. */
export function attribution(): { personId: number | null; personName: string | null } {
  const actor = storage.getStore();
  return { personId: actor?.personId ?? null, personName: actor?.personName ?? null };
}
