/** Issue 11: on Linux under Electron, notification bodies are markup for libnotify: `& < >` are escaped there. */
import { describe, expect, it } from 'vitest';
import { bodyIsMarkup, bookingNotice, summaryNotice } from '../../../renderer/notifications/bookingNotice';
import type { BookingRow } from '../../../shared/contract';

const row: BookingRow = {
  bookingId: 1,
  token: null,
  firstName: 'Léa',
  lastName: 'Dupont',
  offerName: 'Tom & Jerry <b>3D</b>',
  stockId: 1,
  seanceStart: '2026-12-06T19:00:00.000Z',
  quantity: 1,
  unitPriceCents: 500,
  priceCategoryLabel: null,
  status: 'CONFIRMED',
  confirmationDate: null,
  validatedHere: false,
  provisional: false,
  pendingUpload: false,
};

describe('booking notifications', () => {
  it('escapes & < > in the body on Linux under Electron only', () => {
    expect(
      bodyIsMarkup('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140 Electron/45.5.0 Safari/537.36'),
    ).toBe(true);
    expect(bodyIsMarkup('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140 Safari/537.36')).toBe(false);
    expect(bodyIsMarkup('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140 Electron/45.5.0')).toBe(false);
    expect(bookingNotice(row, 'added', 'Europe/Paris', true).body).toContain('Tom &amp; Jerry &lt;b&gt;3D&lt;/b&gt;');
    expect(bookingNotice(row, 'added', 'Europe/Paris', false).body).toContain('Tom & Jerry <b>3D</b>');
  });

  it('sums up a sync that brought more than a few, without names', () => {
    expect(summaryNotice(12, 2).title).toBe('pass Culture : 12 nouvelles réservations et 2 annulations');
    expect(summaryNotice(5, 0).title).toBe('pass Culture : 5 nouvelles réservations');
    expect(summaryNotice(0, 1).title).toBe('pass Culture : 1 annulation');
    expect(summaryNotice(4, 1).body).not.toContain('Léa');
  });
});
