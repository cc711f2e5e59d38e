/**
 * The slip's bytes, read back by the virtual printer's interpreter: code page set explicitly and once, French
 * accents and € as the page's bytes, QR payload, feed then cut, both paper widths, both command dialects.
 */
import { describe, expect, it } from 'vitest';
import { decodeByte } from '../../../electron/core/printing/codePages';
import { buildEntrySlip, slipQrPayload } from '../../../electron/core/printing/entrySlip';
import { renderEscPos, type Dialect } from '../../../electron/core/printing/escpos';
import { interpretEscPos, previewText } from '../../../electron/core/printing/interpreter';
import { columnsFor, type PaperWidth, type Slip } from '../../../electron/core/printing/slip';
import { DUO_DATA, SLIP_DATA } from './fixtures';

const DIALECTS: Dialect[] = ['epson', 'star'];
const PAPERS: PaperWidth[] = [58, 80];

function print(slip: Slip, dialect: Dialect, paper: PaperWidth, codePage: 'WPC1252' | 'PC858_EURO' = 'WPC1252') {
  const bytes = renderEscPos(slip, { dialect, paper, codePage });
  return { bytes, printout: interpretEscPos(bytes, { dialect, columns: columnsFor(paper) }) };
}

const entry = (duplicate = false) => buildEntrySlip(SLIP_DATA, { nameFormat: 'full', duplicate });
const text = (slip: Slip, dialect: Dialect, paper: PaperWidth, codePage?: 'WPC1252' | 'PC858_EURO') =>
  print(slip, dialect, paper, codePage).printout.lines.join('\n');

describe('code page', () => {
  it.each([
    ['epson', 'WPC1252', [0x1b, 0x74, 16]],
    ['epson', 'PC858_EURO', [0x1b, 0x74, 19]],
    ['star', 'WPC1252', [0x1b, 0x1d, 0x74, 32]],
    ['star', 'PC858_EURO', [0x1b, 0x1d, 0x74, 4]],
  ] as const)('%s %s: reset, then the code page, before any text', (dialect, codePage, command) => {
    const { bytes, printout } = print(entry(), dialect, 80, codePage);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect([...bytes.subarray(2, 2 + command.length)]).toEqual(command);
    // Set once: the encoder never switched pages on its own for a character it lacked.
    expect(printout.codePages).toEqual([{ n: command.at(-1), page: codePage }]);
  });

  it.each([
    ['WPC1252', 0x80, 0xe9, 0xe8],
    ['PC858_EURO', 0xd5, 0x82, 0x8a],
  ] as const)('%s: € is 0x%s, é and è are the page’s bytes', (codePage, euro, eAcute, eGrave) => {
    const slip: Slip = { title: 't', blocks: [{ kind: 'text', text: 'é è 12,50 €' }] };
    for (const dialect of DIALECTS) {
      const { bytes, printout } = print(slip, dialect, 80, codePage);
      const expected = Buffer.from([eAcute, 0x20, eGrave, 0x20, ...Buffer.from('12,50 '), euro, 0x0a]);
      expect(bytes.indexOf(expected)).toBeGreaterThan(0);
      expect(decodeByte(euro, codePage)).toBe('€');
      expect(printout.lines).toContain('é è 12,50 €');
    }
  });

  it('prints every French letter and the euro sign right, in both pages and dialects', () => {
    const sample = 'àâäçéèêëîïôöûùüÿ ÀÂÇÉÈÊËÎÏÔÛÙÜ « € »';
    const slip: Slip = { title: 't', blocks: [{ kind: 'text', text: sample }] };
    for (const dialect of DIALECTS) {
      for (const codePage of ['WPC1252', 'PC858_EURO'] as const) {
        expect(print(slip, dialect, 80, codePage).printout.lines).toContain(sample);
      }
    }
  });

  it('replaces what the page lacks instead of letting the encoder switch pages', () => {
    // Intl's narrow no-break space, typographic apostrophe, œ (missing from PC858), a dash.
    const slip: Slip = { title: 't', blocks: [{ kind: 'text', text: 'L’œuvre — 1\u202f250,00\u00a0€' }] };
    const pc858 = print(slip, 'epson', 80, 'PC858_EURO');
    expect(pc858.printout.lines).toContain("L'oeuvre - 1 250,00 €");
    expect(pc858.printout.codePages).toHaveLength(1);
    const cp1252 = print(slip, 'epson', 80, 'WPC1252');
    expect(cp1252.printout.lines).toContain('L’œuvre — 1 250,00 €');
    expect(cp1252.printout.codePages).toHaveLength(1);
  });

  it('never lets control characters from a name reach the printer as commands', () => {
    const data = { ...SLIP_DATA, lastName: 'Dupont\u001bp\u0000\u001d\u0056\u0000' };
    const slip = buildEntrySlip(data, { nameFormat: 'full', duplicate: false });
    const { printout } = print(slip, 'epson', 80);
    expect(printout.cuts).toHaveLength(1);
    expect(printout.unknown).toEqual([]);
    expect(printout.lines.join('\n')).toContain('Éloïse DUPONTPV');
  });
});

describe('the entry slip', () => {
  for (const dialect of DIALECTS) {
    for (const paper of PAPERS) {
      it(`${dialect} ${paper} mm: every field, the QR payload, within the paper, fed then cut`, () => {
        const { printout } = print(entry(), dialect, paper);
        const all = printout.lines.join('\n');
        expect(all).toContain('Cinéma Le Méliès');
        expect(all).toContain('Le Comte de Monte-Cristo');
        expect(all).toContain('vendredi 27 novembre à 20:45'); // séance in Paris time (UTC+1)
        expect(all).toContain('1 place');
        expect(all).toContain('Tarif réduit');
        expect(all).toContain('6,50 €');
        expect(all).toContain('Éloïse LEFÈVRE');
        expect(all).toContain('****CD');
        expect(all).not.toContain('AB12CD');
        expect(all).toContain('27/11/2026 20:31');
        expect(all).toContain('Caisse 1');
        expect(printout.qrCodes).toEqual([slipQrPayload(4217)]);
        expect(printout.qrCodes[0]).toBe('GUICHET:v1;LEDGER:4217');
        expect(printout.overflows).toEqual([]);
        expect(printout.unknown).toEqual([]);
        expect(printout.truncated).toBe(false);
        expect(printout.cuts).toHaveLength(1);
        const [cut] = printout.cuts;
        // The cutter sits above the head: either lines were fed, or the cut command feeds to the cutter itself.
        expect(cut!.feedsToCutter || cut!.linesFedBefore >= 3).toBe(true);
        expect(printout.items.at(-1)?.kind).toBe('cut');
      });
    }
  }

  it('puts the cinema name in double height and bold, DUO in double size', () => {
    const { printout } = print(buildEntrySlip(DUO_DATA, { nameFormat: 'full', duplicate: false }), 'epson', 80);
    const line = (needle: string) => printout.items.find((item) => item.kind === 'line' && item.text.includes(needle));
    expect(line('Cinéma Le Méliès')).toMatchObject({ align: 'center', spans: [{ bold: true, height: 2, width: 1 }] });
    expect(line('DUO - 2 places')).toMatchObject({ spans: [{ bold: true, height: 2, width: 2 }] });
    expect(printout.lines.join('\n')).toContain('2 x 6,50 € = 13,00 €');
  });

  it('writes initials only when the setting says so', () => {
    const slip = buildEntrySlip(SLIP_DATA, { nameFormat: 'initials', duplicate: false });
    const all = text(slip, 'epson', 80);
    expect(all).toContain('É. L.');
    expect(all).not.toContain('Lefèvre');
    expect(all).not.toContain('LEFÈVRE');
  });

  it('marks a reprint DUPLICATA, top and bottom, white on black', () => {
    for (const dialect of DIALECTS) {
      const { printout } = print(entry(true), dialect, 58);
      const banners = printout.items.filter((item) => item.kind === 'line' && item.text.trim() === 'DUPLICATA');
      expect(banners).toHaveLength(2);
      expect(banners[0]).toMatchObject({ spans: [{ inverted: true, bold: true }] });
    }
    expect(text(entry(false), 'epson', 58)).not.toContain('DUPLICATA');
  });

  it('says so when the séance or the booking is unknown', () => {
    const data = { ...SLIP_DATA, seanceStart: null, offerName: null, firstName: null, lastName: null };
    const all = text(buildEntrySlip(data, { nameFormat: 'full', duplicate: false }), 'epson', 80);
    expect(all).toMatch(/Séance\s+inconnue/);
    expect(all).toMatch(/Bénéficiaire\s+-/);
  });

  it('wraps a long film title within 32 columns on 58 mm paper', () => {
    const data = { ...SLIP_DATA, offerName: 'Un titre de film extrêmement long qui ne tient pas sur une seule ligne' };
    const { printout } = print(buildEntrySlip(data, { nameFormat: 'full', duplicate: false }), 'star', 58);
    expect(printout.overflows).toEqual([]);
    expect(printout.lines).toContain('Un titre de film extrêmement');
  });

  it('draws a readable preview', () => {
    const preview = previewText(print(entry(), 'epson', 80).printout, 48);
    expect(preview).toContain('QR GUICHET:v1;LEDGER:4217');
    expect(preview).toMatch(/✂-+$/);
  });
});

describe('outside text of any size (issue 11)', () => {
  it.each(PAPERS)('a 100 kB name and a 100 kB title print on two lines each (%i mm)', (paper) => {
    const huge = (word: string) =>
      Array.from({ length: 10_000 }, () => word)
        .join(' ')
        .slice(0, 100_000);
    const slip = buildEntrySlip(
      { ...SLIP_DATA, firstName: huge('Camille'), lastName: 'X'.repeat(100_000), offerName: huge('Titre') },
      { nameFormat: 'full', duplicate: false },
    );
    for (const dialect of DIALECTS) {
      const normal = text(entry(), dialect, paper).split('\n').length;
      const lines = text(slip, dialect, paper).split('\n');
      // Two lines of name (under its label) and two of title, where the normal slip has one of each.
      expect(lines.filter((l) => l.includes('Camille')).length).toBe(2);
      expect(lines.filter((l) => l.includes('Titre')).length).toBe(2);
      expect(lines.length).toBeLessThanOrEqual(normal + 3);
      expect(lines.filter((l) => l.includes('...')).length).toBe(2);
    }
  });
});
