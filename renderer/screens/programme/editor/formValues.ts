/** Form text → contract values: euros typed with a comma or a point → cents; seats → a count or unlimited. */

/** "5,50", "5.5", "5" → 550; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*€?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** "" → unlimited (null); a whole number ≥ 0 → itself; anything else → undefined (invalid). */
export function seatsOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

/** A poster file as base64 (without the data: prefix); the core checks its format and 2:3 ratio. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
