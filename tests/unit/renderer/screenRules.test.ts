/**
 * Issue 12: the small rules the screens hold in plain modules — the journal's rows and figures, a séance's bookings
 * in one list, what the verdict area is (its sound, whether Enter may admit it, when it is a new answer), the
 * Synchronisation screen's names, Réglages' numbers and the Remboursements figures.
 */
import { describe, expect, it } from 'vitest';
import type { BookingRow, LedgerRow, Verdict } from '../../../shared/contract';
import { describeForeignCode } from '../../../shared/foreignCode';
import { seanceBookingRows } from '../../../renderer/screens/bookings/seanceBookingRows';
import {
  admittable,
  answerKey,
  demoStatusOf,
  otherSeanceTiming,
  panelToken,
  soundOf,
  type CounterPanel,
} from '../../../renderer/screens/counter/counterPanel';
import { hasEntrySlip, journalFigures, journalRows, outcomeTone } from '../../../renderer/screens/journal/journalRows';
import {
  dayOfYear,
  formatDay,
  formatRate,
  selectableYears,
} from '../../../renderer/screens/reimbursements/reimbursementValues';
import { retentionDays, windowMinutes } from '../../../renderer/screens/settings/settingsValues';
import { isWorthShowing, queueAction, streamName } from '../../../renderer/screens/sync/syncLabels';

function ledger(id: number, at: string, kind: LedgerRow['kind'], outcome: string): LedgerRow {
  return {
    id,
    at,
    counterName: 'Caisse 1',
    kind,
    token: 'ABCDEF',
    bookingId: 1,
    outcome,
    beneficiary: null,
    offerName: null,
    platformStatus: null,
    personId: null,
    personName: null,
  };
}

function verdict(kind: Verdict['kind'], change: Partial<Verdict> = {}): Verdict {
  return {
    token: 'ABCDEF',
    kind,
    source: 'platform',
    reason: null,
    message: '',
    booking: null,
    validatableFrom: null,
    undo: null,
    seanceTiming: null,
    usedBy: null,
    ledgerId: 10,
    ...change,
  };
}

function booking(lastName: string, firstName: string): BookingRow {
  return {
    bookingId: 1,
    token: null,
    firstName,
    lastName,
    offerName: 'Nikita',
    stockId: 1,
    seanceStart: null,
    quantity: 1,
    unitPriceCents: 500,
    priceCategoryLabel: null,
    status: 'CONFIRMED',
    confirmationDate: null,
    validatedHere: false,
    provisional: false,
    pendingUpload: false,
  };
}

describe('journal rows', () => {
  const rows = [
    ledger(1, '2026-12-06T18:00:00.000Z', 'lookup', 'valid'),
    ledger(2, '2026-12-06T18:00:05.000Z', 'validation', 'validated'),
    ledger(3, '2026-12-06T18:00:05.000Z', 'validation', 'provisional'),
    ledger(4, '2026-12-06T18:01:00.000Z', 'undo', 'undone'),
    ledger(5, '2026-12-06T18:02:00.000Z', 'upload', 'use_conflict'),
  ];

  it('lists newest first (the later id first within a second), consultations only when asked for', () => {
    expect(journalRows(rows, false).map((row) => row.id)).toEqual([5, 4, 3, 2]);
    expect(journalRows(rows, true).map((row) => row.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('counts entries (provisional ones included), undos and consultations; only entries have a slip', () => {
    expect(journalFigures(rows)).toEqual({ validations: 2, undos: 1, lookups: 1 });
    expect(rows.filter(hasEntrySlip).map((row) => row.id)).toEqual([2, 3]);
  });

  it('colours each outcome, and anything it does not know as an error', () => {
    expect(rows.map(outcomeTone)).toEqual(['good', 'good', 'waiting', 'undone', 'refused']);
    expect(outcomeTone(ledger(6, '2026-12-06T18:03:00.000Z', 'lookup', 'platform_unreachable'))).toBe('error');
  });
});

describe("a séance's bookings", () => {
  it('gathers every tariff into one list by last then first name, accents and case aside', () => {
    const list = seanceBookingRows([
      { ok: true, value: { seance: null, bookings: [booking('Émery', 'Zoé'), booking('durand', 'Léa')] } },
      { ok: true, value: { seance: null, bookings: [booking('Emery', 'Anna')] } },
    ]);
    expect(list.rows?.map((row) => `${row.lastName} ${row.firstName}`)).toEqual([
      'durand Léa',
      'Emery Anna',
      'Émery Zoé',
    ]);
  });

  it('fails as a whole when one tariff’s answer failed', () => {
    const error = { code: 'internal' as const, message: 'Erreur' };
    const list = seanceBookingRows([
      { ok: true, value: { seance: null, bookings: [] } },
      { ok: false, error },
    ]);
    expect(list).toEqual({ stocks: [], rows: null, error });
  });
});

describe('the verdict area', () => {
  it('lets Enter admit only a green or an amber "autre séance" verdict', () => {
    expect(admittable({ kind: 'verdict', verdict: verdict('valid') })?.kind).toBe('valid');
    expect(admittable({ kind: 'verdict', verdict: verdict('other_seance') })?.kind).toBe('other_seance');
    for (const kind of ['not_yet', 'refused', 'unverifiable'] as const) {
      expect(admittable({ kind: 'verdict', verdict: verdict(kind) })).toBeNull();
    }
    expect(admittable(null)).toBeNull();
  });

  it('sounds each answer by what it says, an undo in silence', () => {
    const foreign: CounterPanel = { kind: 'foreign', code: describeForeignCode('9782070360024', true) };
    expect(soundOf({ kind: 'verdict', verdict: verdict('valid') })).toBe('valid');
    expect(soundOf({ kind: 'verdict', verdict: verdict('not_yet') })).toBe('warning');
    expect(soundOf({ kind: 'verdict', verdict: verdict('refused') })).toBe('refused');
    expect(soundOf(foreign)).toBe('not_countermark');
    expect(panelToken(foreign)).toBeNull();
    expect(
      soundOf({
        kind: 'undone',
        undo: { token: 'ABCDEF', ledgerId: 3, undoneAt: '', message: '', upload: 'sent' },
        booking: null,
      }),
    ).toBeNull();
  });

  it('hears the same answer updated once, and a new answer again', () => {
    const local = verdict('valid', { source: 'local', confirming: true });
    const confirmed = verdict('valid');
    expect(answerKey({ kind: 'verdict', verdict: local })).toBe(answerKey({ kind: 'verdict', verdict: confirmed }));
    expect(answerKey({ kind: 'verdict', verdict: verdict('refused') })).not.toBe(
      answerKey({ kind: 'verdict', verdict: confirmed }),
    );
    const error: CounterPanel = { kind: 'error', token: null, error: { code: 'internal', message: '' } };
    expect(answerKey(error)).toBe(answerKey(error));
    expect(answerKey(error)).not.toBe(answerKey({ ...error }));
  });

  it('words the other-séance question by its timing (another day when unknown), and the demo list by status', () => {
    expect(otherSeanceTiming(verdict('other_seance', { seanceTiming: 'past' }))).toBe('past');
    expect(otherSeanceTiming(verdict('other_seance', { seanceTiming: null }))).toBe('other_day');
    const demo = { token: 'ABCDEF', firstName: 'A', lastName: 'B', offerName: 'C', seanceStart: '', quantity: 1 };
    expect(demoStatusOf({ ...demo, status: 'CONFIRMED', confirmed: false })).toBe('not_confirmed');
    expect(demoStatusOf({ ...demo, status: 'CONFIRMED', confirmed: true })).toBe('to_validate');
    expect(demoStatusOf({ ...demo, status: 'REIMBURSED', confirmed: true })).toBe('reimbursed');
  });
});

describe('Synchronisation, Réglages and Remboursements figures', () => {
  it('names streams (per-offer cursors under their base) and shows a cursor only once it did something', () => {
    expect(streamName('bookings:101')).toEqual({ known: 'bookings', detail: '101' });
    expect(streamName('uploads')).toEqual({ known: 'uploads', detail: null });
    expect(streamName('mystery:1')).toEqual({ known: null, detail: null });
    const stream = { name: 'bookings:101', lastRunAt: null, lastSuccessAt: null, lastError: null };
    expect(isWorthShowing(stream)).toBe(false);
    expect(isWorthShowing({ ...stream, lastError: 'Délai dépassé' })).toBe(true);
    expect(isWorthShowing({ ...stream, name: 'bookings' })).toBe(true);
    expect(queueAction({ action: 'use', provisional: true })).toBe('use_provisional');
    expect(queueAction({ action: 'keep', provisional: true })).toBe('keep');
  });

  it('reads window minutes (0 to 8 days) and retention days (1 to 365) as whole numbers only', () => {
    expect(windowMinutes('0')).toBe(0);
    expect(windowMinutes(String(8 * 24 * 60))).toBe(11_520);
    expect(windowMinutes(String(8 * 24 * 60 + 1))).toBeNull();
    expect(windowMinutes('2.5')).toBeNull();
    expect(retentionDays('0')).toBeNull();
    expect(retentionDays('365')).toBe(365);
    expect(retentionDays('abc')).toBeNull();
  });

  it('writes rates and days the French way, offers the years since 2021, this one first', () => {
    expect(formatRate(9500).replace(/\s/g, ' ')).toBe('95 %');
    expect(formatDay('2025-03-15')).toBe('15/03/2025');
    expect(selectableYears('2026-12-06')).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(dayOfYear('2024-03-01', 2024)).toBe(60); // a leap year
  });
});
