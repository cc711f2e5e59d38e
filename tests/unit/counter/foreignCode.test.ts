/** What a code that is not a countermark probably is (shared/foreignCode.ts). */
import { describe, expect, it } from 'vitest';
import { classifyForeignText, describeForeignCode, hasGs1CheckDigit } from '../../../shared/foreignCode';

describe('GS1 check digits', () => {
  it.each(['4006381333931', '9782070360024', '96385074', '036000291452'])('%s is a valid EAN/UPC', (code) => {
    expect(hasGs1CheckDigit(code)).toBe(true);
  });
  it.each(['4006381333932', '1234567', '12345678901234', 'ABCDEFGH'])('%s is not', (code) => {
    expect(hasGs1CheckDigit(code)).toBe(false);
  });
});

describe('classifying a code that is not a countermark', () => {
  it.each([
    ['4006381333931', 'ean'],
    ['96385074', 'ean'],
    ['9782070360024', 'isbn'],
    ['0123456789012345', 'ticket_number'],
    ['TK-2026-000123', 'ticket_number'],
    [']C0A1B2C3D4E5', 'ticket_number'],
    ['PASSCULTURE:v4;TOKEN:ABC123', 'pass_culture_unreadable'],
    ['PASSCULTURE:v3;TOK', 'pass_culture_unreadable'],
    ['https://passculture.app/reservations', 'pass_culture_link'],
    ['https://example.org/t/42', 'url'],
    ['WIFI:S:Cinema;T:WPA;P:secret;;', 'qr_other'],
    ['{"ticket":42}', 'qr_other'],
  ] as const)('%s → %s', (text, kind) => {
    expect(classifyForeignText(text, true)).toBe(kind);
  });

  it('tells a typo from an unknown barcode by whether it was scanned', () => {
    expect(classifyForeignText('ABC12', false)).toBe('typing');
    expect(classifyForeignText('ABC12', true)).toBe('unknown_barcode');
  });

  it('takes the most telling reading of a scan (a scanner on another layout garbles digits)', () => {
    // The same EAN-13 read as typed on a French PC (digits without Shift) and as the US scanner meant it.
    const code = describeForeignCode(['&é"\'(-è_çà&é"', '4006381333931'], true);
    expect(code.kind).toBe('ean');
  });

  it('words a ticketing barcode for the cashier: what it is and where to check it', () => {
    const code = describeForeignCode('0123456789012345', true);
    expect(code.label).toBe('Billet d’une billetterie');
    expect(code.message).toMatch(/CDS\/Ciné Office, Boost, CGR, EMS/);
    expect(code.todo).toBe('À contrôler dans votre logiciel de caisse.');
    expect(code.message).not.toMatch(/inconnue|introuvable/);
  });
});
