import { describe, expect, it } from 'vitest';
import { createConfirmationTickets } from '../../../electron/core/counter/confirmationTickets';

describe('confirmation tickets', () => {
  it('an action on a token overtakes every confirmation in flight for it, and only for it', () => {
    const tickets = createConfirmationTickets();
    const first = tickets.take('AAAAAA');
    const second = tickets.take('AAAAAA');
    const other = tickets.take('BBBBBB');
    tickets.overtake('AAAAAA');
    expect([first.ticket.overtaken, second.ticket.overtaken, other.ticket.overtaken]).toEqual([true, true, false]);
  });

  it('a confirmation asked after the action is not overtaken by it', () => {
    const tickets = createConfirmationTickets();
    tickets.overtake('AAAAAA');
    expect(tickets.take('AAAAAA').ticket.overtaken).toBe(false);
  });

  it('keeps nothing once every confirmation is answered', () => {
    const tickets = createConfirmationTickets();
    const first = tickets.take('AAAAAA');
    const second = tickets.take('AAAAAA');
    first.settle();
    expect(tickets.size()).toBe(1);
    second.settle();
    second.settle();
    expect(tickets.size()).toBe(0);
    const again = tickets.take('AAAAAA');
    first.settle(); // a late settle of an old ticket leaves the new one alone
    tickets.overtake('AAAAAA');
    expect(again.ticket.overtaken).toBe(true);
  });
});
