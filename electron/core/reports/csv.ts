/**
 * A CSV writer for French Excel (no CSV library is installed, and this is small): UTF-8 with a BOM (else Excel
 * reads Windows-1252), `;` between fields (the list separator of French Windows), CRLF line ends, and fields
 * quoted (quotes doubled) when they hold `;`, a quote, a line break or edge spaces.
 */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** A cell: text, or a number already written the French way (see `frenchDecimal`). */
export type CsvCell = string | number;

/** A text starting with one of these is run as a formula by spreadsheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Control characters (C0 but tab, DEL, C1) and bidi controls: never in a cell — they can reorder or hide text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const clean = cell.replace(CONTROL, '');
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(SEPARATOR) + LINE_END).join('');
}

/** Cents as euros with a decimal comma and no grouping ("1234,50"): Excel in French reads it as a number. */
export function frenchDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Reads CSV written by `toCsv` back into rows (tests, and to check a file round-trips). */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === SEPARATOR) {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
