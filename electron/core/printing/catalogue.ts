/**
 * The `printing` namespace of the shared i18next instance: text printed on slips and shown for print jobs (the core
 * words it; the renderer shows what the core sends). The strings are in `shared/i18n/fr/printing.ts`.
 */
import type { ParseKeys } from 'i18next';
import { i18n, memoised } from '../../../shared/i18n';

const fixedT = i18n.getFixedT(null, 'printing');
// Memoised as the core's other wordings: a slip's labels are the same for every slip, and i18next's lookup was a
// few % of the engine's time while a busy queue printed.
const printingT = memoised((key, params) => fixedT(key as ParseKeys<'printing'>, params ?? {}) as string, 'printing');

/** A printing string, e.g. `pt('slip.film')`. */
export function pt(key: ParseKeys<'printing'>, params?: Record<string, unknown>): string {
  return printingT(key, params);
}
