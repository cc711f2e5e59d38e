/**
 * The printer code pages a slip may use, as byte → character tables of their upper halves (0x80–0xFF; the lower
 * half is ASCII). They are written out here, apart from the encoder's own tables (iconv-lite inside
 * node-thermal-printer), so the virtual printer decodes bytes the way a printer would and can catch an encoder
 * that picked the wrong page. `\uFFFD` marks a byte the page leaves undefined.
 */

/** The two code pages that carry both French accents and the euro sign. */
export const SLIP_CODE_PAGES = ['WPC1252', 'PC858_EURO'] as const;
export type SlipCodePage = (typeof SLIP_CODE_PAGES)[number];

/** Pages the virtual printer can decode (PC437 is every printer's power-on default). */
export type KnownCodePage = SlipCodePage | 'PC437' | 'PC850';

const CP1252_HIGH =
  '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD' +
  '\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ' +
  '\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯' +
  '°±²³´µ¶·¸¹º»¼½¾¿' +
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ' +
  'ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß' +
  'àáâãäåæçèéêëìíîï' +
  'ðñòóôõö÷øùúûüýþÿ';

const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' +
  'áíóúñÑªº¿®¬½¼¡«»' +
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' +
  'ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' +
  '\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

/** PC858 is PC850 with the euro sign in place of the dotless i (0xD5). */
const CP858_HIGH = CP850_HIGH.slice(0, 0x55) + '€' + CP850_HIGH.slice(0x56);

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩' +
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';

const HIGH_HALVES: Record<KnownCodePage, string> = {
  WPC1252: CP1252_HIGH,
  PC858_EURO: CP858_HIGH,
  PC850: CP850_HIGH,
  PC437: CP437_HIGH,
};

/** The character a printer prints for `byte` on `page` (ASCII below 0x80). */
export function decodeByte(byte: number, page: KnownCodePage): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return HIGH_HALVES[page][byte - 0x80] ?? '\uFFFD';
}

const encodable = new Map<KnownCodePage, Set<string>>();

/** Whether `page` has a byte for `char` (printable ASCII always does). */
export function canEncode(char: string, page: KnownCodePage): boolean {
  if (char.length === 1 && char >= ' ' && char <= '~') return true;
  let chars = encodable.get(page);
  if (!chars) {
    chars = new Set([...HIGH_HALVES[page]].filter((c) => c !== '\uFFFD'));
    encodable.set(page, chars);
  }
  return chars.has(char);
}
