/**
 * Text from outside (a beneficiary's name, a film title) has no length limit: a 100 kB name must not push the
 * verdict off screen nor cost a long layout. Screens show at most `max` characters (whole code points, never half
 * a surrogate pair) and an ellipsis; the full text is shown on demand.
 */
export function truncateText(text: string, max: number): { text: string; isTruncated: boolean } {
  if (text.length <= max) return { text, isTruncated: false };
  const points = Array.from(text.slice(0, max + 1));
  if (points.length <= max) return { text, isTruncated: false };
  return { text: `${points.slice(0, max).join('').trimEnd()}…`, isTruncated: true };
}
