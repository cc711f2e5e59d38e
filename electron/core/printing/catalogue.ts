/**
 * The `printing` namespace of the shared i18next instance: text printed on slips and shown for print jobs (the core
 * words it; the renderer shows what the core sends). The strings are in `shared/i18n/fr/printing.ts`.
 */
import type { ParseKeys } from 'i18next';
import { i18n } from '../../../shared/i18n';

const printingT = i18n.getFixedT(null, 'printing');

/**
 * A slip's labels are the same for every slip: looked up once, not at each slip (i18next's lookup and
 * interpolation were a few % of the engine's time while a busy queue printed). Forgotten if the language changes.
 */
const fixedLabels = new Map<string, string>();
i18n.on('languageChanged', () => fixedLabels.clear());

/** A printing string, e.g. `pt('slip.film')`. */
export function pt(key: ParseKeys<'printing'>, params?: Record<string, unknown>): string {
  if (params) return printingT(key, params) as string;
  let label = fixedLabels.get(key);
  if (label === undefined) {
    label = printingT(key, {}) as string;
    fixedLabels.set(key, label);
  }
  return label;
}
