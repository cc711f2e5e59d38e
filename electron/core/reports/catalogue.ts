/**
 * The `reports` namespace of the shared i18next instance: text the core writes into reports (CSV headers, the
 * printed report). The strings are in `shared/i18n/fr/reports.ts`.
 */
import type { ParseKeys } from 'i18next';
import { i18n } from '../../../shared/i18n';

const reportsT = i18n.getFixedT(null, 'reports');

/** A reports string, e.g. `rt('csv.film')`. */
export function rt(key: ParseKeys<'reports'>, params?: Record<string, unknown>): string {
  return reportsT(key, params ?? {}) as string;
}
