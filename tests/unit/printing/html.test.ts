/** The HTML slip for the OS printer: the paper's width, escaped text, no script, a real QR code (qrSvg.test.ts). */
import { describe, expect, it } from 'vitest';
import { buildEntrySlip } from '../../../electron/core/printing/entrySlip';
import { renderHtml } from '../../../electron/core/printing/html';
import { SLIP_DATA } from './fixtures';

describe('HTML slip', () => {
  it('is sized for the paper and carries every field', () => {
    const html = renderHtml(buildEntrySlip(SLIP_DATA, { nameFormat: 'full', duplicate: true }), { paper: 58 });
    expect(html).toContain('@page { size: 58mm auto; margin: 0; }');
    expect(html).toContain('Cinéma Le Méliès');
    expect(html).toContain('6,50');
    expect(html).toContain('DUPLICATA');
    expect(html).toContain('data-qr="GUICHET:v1;LEDGER:4217"');
    expect(renderHtml(buildEntrySlip(SLIP_DATA, { nameFormat: 'full', duplicate: false }), { paper: 80 })).toContain(
      'size: 80mm auto',
    );
  });

  it('escapes names and films, and forbids scripts', () => {
    const data = { ...SLIP_DATA, offerName: '<script>alert(1)</script>', lastName: '"O\'Brien" & <b>' };
    const html = renderHtml(buildEntrySlip(data, { nameFormat: 'full', duplicate: false }), { paper: 80 });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&amp; &lt;B&gt;');
    expect(html).toContain("default-src 'none'");
  });
});
