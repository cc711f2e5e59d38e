/**
 * Issue 12: the guichet's flow (renderer/screens/counter/counterDesk.ts) driven with a fake core whose answers
 * arrive when the test says, as a slow network would deliver them.
 */
import { describe, expect, it } from 'vitest';
import type { BookingView, CallName, Envelope, GuichetApi, Validation, Verdict } from '../../../shared/contract';
import {
  AHEAD_KEPT_MS,
  createCounterDesk,
  currentVerdict,
  enterAction,
  type DeskChangeCause,
} from '../../../renderer/screens/counter/counterDesk';

const booking: BookingView = {
  bookingId: 7,
  firstName: 'Camille',
  lastName: 'Durand',
  offerName: 'Le Grand Bleu',
  seanceStart: '2026-12-06T19:00:00.000Z',
  quantity: 1,
  isDuo: false,
  unitPriceCents: 500,
  totalPriceCents: 500,
  priceCategoryLabel: null,
  venueName: 'Cinéma du Port',
};

function verdict(token: string, kind: Verdict['kind'] = 'valid'): Verdict {
  return {
    token,
    kind,
    source: 'platform',
    reason: null,
    message: 'Réservation valide',
    booking: { ...booking, firstName: `Client ${token}` },
    validatableFrom: null,
    undo: null,
    seanceTiming: 'in_window',
    usedBy: null,
    ledgerId: 1,
  };
}

function validation(token: string): Validation {
  return {
    token,
    ledgerId: 2,
    validatedAt: '2026-12-06T19:05:00.000Z',
    booking,
    message: 'Entrée validée',
    upload: 'sent',
  };
}

/** A core whose every call waits until the test answers it, and whose events the test sends. */
function slowCore() {
  const calls: { name: CallName; input: unknown; answer: (value: unknown) => void }[] = [];
  const handlers = new Map<string, (payload: never) => void>();
  const api: Pick<GuichetApi, 'call' | 'on'> = {
    call: (name, input) =>
      new Promise((resolve) => {
        calls.push({ name, input, answer: (value) => resolve({ ok: true, value } as Envelope<never>) });
      }),
    on: (name, handler) => {
      handlers.set(name, handler as (payload: never) => void);
      return () => handlers.delete(name);
    },
  };
  const emit = (name: string, payload: unknown) => handlers.get(name)?.(payload as never);
  return { api, calls, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the guichet flow', () => {
  it('a newer lookup supersedes: the first answer, arriving last, never replaces the second', async () => {
    const { api, calls } = slowCore();
    const desk = createCounterDesk(api, () => {});
    expect(desk.lookup('AAAAAA', 'AAAAAA')).toBe(true);
    expect(desk.lookup('BBBBBB', 'BBBBBB')).toBe(true);
    expect(calls.map((call) => call.input)).toEqual([{ text: 'AAAAAA' }, { text: 'BBBBBB' }]);

    calls[1]?.answer(verdict('BBBBBB'));
    await settle();
    calls[0]?.answer(verdict('AAAAAA'));
    await settle();

    const { panel, pending } = desk.getState();
    expect(pending).toBeNull();
    expect(panel?.kind === 'verdict' && panel.verdict.token).toBe('BBBBBB');
    expect(currentVerdict(desk.getState())?.token).toBe('BBBBBB');
  });

  it('Enter during a validation sends nothing: neither a second validation nor a lookup of the same code', async () => {
    const { api, calls } = slowCore();
    let settledCount = 0;
    const desk = createCounterDesk(api, () => (settledCount += 1));
    desk.lookup('CCCCCC', 'CCCCCC');
    calls[0]?.answer(verdict('CCCCCC'));
    await settle();

    // First Enter on the green verdict: the validation leaves.
    const first = enterAction('', currentVerdict(desk.getState()));
    expect(first).toEqual({ kind: 'admit', typed: false });
    expect(desk.validate('CCCCCC', booking)).toBe(true);

    // Enter again while pass Culture has not answered: nothing to admit, and the desk refuses every call.
    expect(currentVerdict(desk.getState())).toBeNull();
    expect(enterAction('', currentVerdict(desk.getState()))).toEqual({ kind: 'nothing' });
    const again = enterAction('CCCCCC', currentVerdict(desk.getState()));
    expect(again.kind).toBe('lookup');
    expect(desk.lookup('CCCCCC', 'CCCCCC')).toBe(false);
    expect(desk.validate('CCCCCC', booking)).toBe(false);
    expect(desk.undo('CCCCCC', booking)).toBe(false);
    expect(calls.map((call) => call.name)).toEqual(['counter.lookup', 'counter.validate']);

    calls[1]?.answer(validation('CCCCCC'));
    await settle();
    expect(desk.getState().panel?.kind).toBe('validated');
    expect(settledCount).toBe(2);
  });

  it('a green left unvalidated for another code becomes the note, and validating it later clears the note', async () => {
    const { api, calls } = slowCore();
    const desk = createCounterDesk(api, () => {});
    const changes: DeskChangeCause[] = [];
    desk.subscribe((_state, cause) => changes.push(cause));
    desk.lookup('DDDDDD', 'DDDDDD');
    calls[0]?.answer(verdict('DDDDDD'));
    await settle();
    desk.lookup('EEEEEE', 'EEEEEE');
    // Nothing to draw at Enter but the call itself: the note comes with the answer that replaces the green.
    expect(desk.getState().previous).toBeNull();
    expect(currentVerdict(desk.getState())).toBeNull();

    calls[1]?.answer(verdict('EEEEEE', 'refused'));
    await settle();
    expect(desk.getState().previous).toEqual({ token: 'DDDDDD', name: 'Client DDDDDD D.' });
    expect(changes).toEqual(['local', 'answer', 'local', 'answer']);
    expect(desk.goBack()).toBe(true);
    calls[2]?.answer(verdict('DDDDDD'));
    await settle();
    expect(desk.getState().previous).toBeNull();
  });

  it('a code that is not a countermark takes the verdict away from Enter at once, even mid-lookup', async () => {
    const { api, calls } = slowCore();
    const desk = createCounterDesk(api, () => {});
    desk.lookup('FFFFFF', 'FFFFFF');
    calls[0]?.answer(verdict('FFFFFF'));
    await settle();
    expect(currentVerdict(desk.getState())?.token).toBe('FFFFFF');

    desk.lookup('GGGGGG', 'GGGGGG');
    desk.dropVerdict(); // a typo typed while the lookup runs
    calls[1]?.answer(verdict('GGGGGG'));
    await settle();
    expect(desk.getState().panel).toBeNull();
    expect(currentVerdict(desk.getState())).toBeNull();
    expect(enterAction('', null)).toEqual({ kind: 'nothing' });
  });

  it('Enter with the code on screen typed again admits it; with a typo, it is refused and nothing is sent', () => {
    const current = verdict('HHHHHH');
    expect(enterAction('hhhhhh', current)).toEqual({ kind: 'admit', typed: true });
    expect(enterAction('HHH', current)).toEqual({ kind: 'refuse', text: 'HHH' });
    expect(enterAction(' JJJJJJ ', current)).toEqual({ kind: 'lookup', text: 'JJJJJJ', token: 'JJJJJJ' });
  });
});

describe("a lookup started before its scan's suffix (the QR payload was whole)", () => {
  /** A desk on a clock the test moves. */
  function aheadDesk() {
    const core = slowCore();
    let clock = 0;
    const desk = createCounterDesk(
      core.api,
      () => {},
      () => clock,
    );
    desk.listen();
    return { ...core, desk, advance: (ms: number) => (clock += ms) };
  }

  it('starts at once, changes nothing on screen, and the scan takes its answer without a second call', async () => {
    const { desk, calls, advance } = aheadDesk();
    const states: unknown[] = [];
    desk.subscribe((state) => states.push(state));
    desk.lookUpAhead('KKKKKK');
    expect(calls.map((call) => [call.name, call.input])).toEqual([['counter.lookup', { text: 'KKKKKK' }]]);
    expect(states).toEqual([]);
    calls[0]?.answer(verdict('KKKKKK'));
    await settle();
    expect(desk.getState().panel).toBeNull(); // the scan has not ended: its verdict waits for it

    advance(40);
    expect(desk.lookup('KKKKKK', 'KKKKKK')).toBe(true);
    await settle();
    expect(calls).toHaveLength(1);
    expect(currentVerdict(desk.getState())?.token).toBe('KKKKKK');
  });

  it("pass Culture's word on the verdict, arriving before the scan ended, is what the scan shows", async () => {
    const { desk, calls, emit } = aheadDesk();
    desk.lookUpAhead('LLLLLL');
    calls[0]?.answer(verdict('LLLLLL'));
    await settle();
    emit('verdict.updated', { ...verdict('LLLLLL', 'refused'), message: 'Réservation annulée' });
    desk.lookup('LLLLLL', 'LLLLLL');
    await settle();
    const { panel } = desk.getState();
    expect(panel?.kind === 'verdict' && panel.verdict.kind).toBe('refused');
    expect(currentVerdict(desk.getState())).toBeNull();
  });

  it('a word on that code before the reply is about an earlier lookup: the reply, newer, is what the scan shows', async () => {
    const { desk, calls, emit } = aheadDesk();
    desk.lookUpAhead('SSSSSS');
    emit('verdict.updated', verdict('SSSSSS', 'not_yet'));
    calls[0]?.answer(verdict('SSSSSS'));
    await settle();
    desk.lookup('SSSSSS', 'SSSSSS');
    await settle();
    expect(currentVerdict(desk.getState())?.kind).toBe('valid');
  });

  it('a scan that ends as another code, or too late, or a second time, gets a lookup of its own', async () => {
    const { desk, calls, advance } = aheadDesk();
    desk.lookUpAhead('MMMMMM');
    desk.lookup('NNNNNN', 'NNNNNN');
    desk.lookUpAhead('PPPPPP');
    advance(AHEAD_KEPT_MS + 1);
    desk.lookup('PPPPPP', 'PPPPPP');
    expect(calls.map((call) => call.input)).toEqual([
      { text: 'MMMMMM' },
      { text: 'NNNNNN' },
      { text: 'PPPPPP' },
      { text: 'PPPPPP' },
    ]);
    calls[3]?.answer(verdict('PPPPPP'));
    await settle();
    desk.lookup('PPPPPP', 'PPPPPP'); // looked up again (F2): the answer started ahead was taken once
    expect(calls).toHaveLength(5);
  });

  it('sends nothing when the scan would not be looked up: a validation in flight, or the code on screen', async () => {
    const { desk, calls } = aheadDesk();
    desk.lookup('QQQQQQ', 'QQQQQQ');
    calls[0]?.answer(verdict('QQQQQQ'));
    await settle();
    desk.lookUpAhead('QQQQQQ'); // the same code again admits the verdict on screen
    expect(calls).toHaveLength(1);
    desk.validate('QQQQQQ', booking);
    desk.lookUpAhead('RRRRRR'); // the scan would wait in the field for Enter
    expect(calls.map((call) => call.name)).toEqual(['counter.lookup', 'counter.validate']);
  });
});
