/**
 * Confirmations asked of pass Culture for verdicts shown from the mirror (local first), by token, until answered.
 * An action taken here meanwhile (a validation, an undo) overtakes them: pass Culture may have answered before that
 * action reached it, and its answer would then put an older status back into the mirror — a booking just undone
 * shown "déjà utilisée" again at the next scan. The action's own answer has the word.
 */

/** One confirmation asked; `overtaken` once an action on its token was taken here meanwhile. */
export interface ConfirmationTicket {
  readonly overtaken: boolean;
}

export function createConfirmationTickets() {
  const byToken = new Map<string, Set<{ overtaken: boolean }>>();
  return {
    /** A confirmation is being asked for `token`; `settle` once it is answered (or failed). */
    take(token: string): { ticket: ConfirmationTicket; settle: () => void } {
      const ticket = { overtaken: false };
      const tickets = byToken.get(token) ?? new Set();
      byToken.set(token, tickets.add(ticket));
      return {
        ticket,
        settle() {
          tickets.delete(ticket);
          if (tickets.size === 0 && byToken.get(token) === tickets) byToken.delete(token);
        },
      };
    },
    /** An action on `token` was taken here: every confirmation still in flight for it is to be dropped. */
    overtake(token: string): void {
      for (const ticket of byToken.get(token) ?? []) ticket.overtaken = true;
    },
    /** How many tokens have a confirmation in flight (tests: nothing is kept once answered). */
    size(): number {
      return byToken.size;
    },
  };
}
