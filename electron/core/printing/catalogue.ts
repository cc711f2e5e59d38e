/**
 * The `printing` namespace of the shared i18next instance: text printed on slips and shown for print jobs (the core
 * words it; the renderer shows what the core sends). The strings are in `shared/i18n/fr/printing.ts`.
 */
import type { ParseKeys } from 'i18next';
import { i18n } from '../../../shared/i18n';

const printingT = i18n.getFixedT(null, 'printing');

/** A printing string, e.g. `pt('slip.film')`. */
export function pt(key: ParseKeys<'printing'>, params?: Record<string, unknown>): string {
  return printingT(key, params ?? {}) as string;
}
