/**
 * The engine knows the séance window, not only the screen: a booking for another day, or for a séance whose window
 * has closed, is amber (`other_seance`) and is validated only with the cashier's explicit confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEANCE_WINDOW } from '../../../shared/seanceWindow';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { sandboxBookings, type SandboxBooking } from '../../support/sandboxControl';

const HOUR = 3_600_000;
let counter: CounterUnderTest;
/** The counter's clock, moved by each test around the séance of the booking it uses. */
let now = new Date();
const used = new Set<string>();

beforeAll(async () => {
  counter = await startCounter({ seanceWindow: 'app', clock: () => now });
});
afterAll(() => counter.close());

/** A confirmed booking whose cancellation window closed long before its séance (so moving the clock keeps it confirmed). */
async function booking(): Promise<SandboxBooking> {
  const found = (await sandboxBookings(counter.sandbox.url)).find(
    (b) =>
      !used.has(b.token) &&
      b.status === 'CONFIRMED' &&
      (b.confirmationDate === null ||
        Date.parse(b.confirmationDate) <= Math.min(Date.now(), Date.parse(b.seanceStart) - 30 * HOUR)),
  );
  if (!found) throw new Error('no suitable booking in the sandbox');
  used.add(found.token);
  return found;
}

const lookup = async (token: string) => await counter.core.call('counter.lookup', { text: token });
const at = (b: SandboxBooking, offsetMs: number) => (now = new Date(Date.parse(b.seanceStart) + offsetMs));

describe('the séance window in the engine', () => {
  it('is green in the window, with the timing said', async () => {
    const b = await booking();
    at(b, -45 * 60_000);
    const verdict = await lookup(b.token);
    expect(verdict).toMatchObject({ kind: 'valid', seanceTiming: 'in_window' });
    const validation = await counter.core.call('counter.validate', { token: b.token });
    expect(validation.token).toBe(b.token);
  });

  it('turns another day’s booking amber, refuses to validate it without a confirmation, then validates with it', async () => {
    const b = await booking();
    at(b, -26 * HOUR);
    const verdict = await lookup(b.token);
    expect(verdict).toMatchObject({ kind: 'other_seance', seanceTiming: 'other_day' });
    expect(verdict.booking?.seanceStart).toBe(new Date(b.seanceStart).toISOString());
    expect(verdict.message).toMatch(/autre jour/);

    const refused = await counter.core.dispatch('counter.validate', { token: b.token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'seance_outside_window' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/confirmez/);
    const journal = (await counter.core.call('ledger.today', {})).rows.filter((r) => r.token === b.token);
    expect(journal.map((r) => [r.kind, r.outcome])).toEqual([['lookup', 'other_seance']]);

    const validation = await counter.core.dispatch('counter.validate', { token: b.token, acceptOtherSeance: true });
    expect(validation.ok).toBe(true);
  });

  it('turns a booking whose séance began over 30 min ago amber "past"', async () => {
    const b = await booking();
    at(b, 31 * 60_000);
    expect(await lookup(b.token)).toMatchObject({ kind: 'other_seance', seanceTiming: 'past' });
    at(b, 29 * 60_000);
    expect(await lookup(b.token)).toMatchObject({ kind: 'valid', seanceTiming: 'in_window' });
  });

  it('follows the window set in Réglages, kept by the core', async () => {
    const b = await booking();
    at(b, -3 * HOUR);
    expect((await lookup(b.token)).kind).toBe('other_seance');
    const settings = await counter.core.call('counter.settings.set', {
      seanceWindow: { beforeMinutes: 240, afterMinutes: 30 },
    });
    expect(settings.seanceWindow).toEqual({ beforeMinutes: 240, afterMinutes: 30 });
    expect((await lookup(b.token)).kind).toBe('valid');
    await counter.core.dispatch('counter.settings.set', { seanceWindow: DEFAULT_SEANCE_WINDOW });
    expect((await counter.core.call('counter.settings.get', {})).seanceWindow).toEqual(DEFAULT_SEANCE_WINDOW);
  });

  it('applies to a provisional validation (offline, found by name) too', async () => {
    const b = await booking();
    at(b, -26 * HOUR);
    await lookup(b.token);
    const input = { token: b.token, bookingId: b.id };
    const refused = await counter.core.dispatch('counter.validateProvisional', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'seance_outside_window' } });
    const accepted = await counter.core.dispatch('counter.validateProvisional', { ...input, acceptOtherSeance: true });
    expect(accepted.ok).toBe(true);
  });

  it('refuses a window setting out of bounds', async () => {
    const refused = await counter.core.dispatch('counter.settings.set', {
      seanceWindow: { beforeMinutes: -5, afterMinutes: 30 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('refusals say who and when', () => {
  it('a booking validated here is refused as used, with when and at which counter', async () => {
    const b = await booking();
    at(b, -10 * 60_000);
    await lookup(b.token);
    const validation = await counter.core.call('counter.validate', { token: b.token });
    const again = await lookup(b.token);
    expect(again).toMatchObject({
      kind: 'refused',
      reason: 'used',
      usedBy: { where: 'here', at: validation.validatedAt, counterName: 'Caisse test' },
    });
    expect(again.booking).toMatchObject({ firstName: b.firstName, lastName: b.lastName, offerName: b.offerName });
  });
});

describe('codes that are not countermarks', () => {
  it.each([
    ['3760123456784', /EAN/],
    ['9782070360024', /livre/],
    ['0123456789012345', /billetterie du cinéma.*logiciel de caisse/],
    ['https://example.org/ticket/42', /lien internet/],
    ['ABC12', /6 caractères/],
  ])('%s: says what it likely is, and sends nothing', async (text, explanation) => {
    const envelope = await counter.core.dispatch('counter.lookup', { text });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_a_countermark' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(explanation);
  });
});
