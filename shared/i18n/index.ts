/**
 * One i18next instance for the whole app, initialised synchronously with the whole French catalogue
 * (`./fr/`), so the core and the screens read the same strings and no namespace depends on an import order.
 * Keys are typed from the catalogue: a misspelt key, or one the catalogue lacks, fails `npm run typecheck`.
 */
import i18next, { type ParseKeys } from 'i18next';
import { frCatalogue } from './fr';

/** The catalogue's shape, its strings widened: keys are checked, interpolation values are not (wrappers pass them on). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Shape<typeof frCatalogue>;
  }
}

export const i18n = i18next.createInstance();
void i18n.init({
  lng: 'fr',
  fallbackLng: 'fr',
  ns: Object.keys(frCatalogue),
  defaultNS: 'common',
  resources: { fr: frCatalogue },
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes; the core never builds HTML from these.
  returnNull: false,
});

/** A key of the `common` namespace (errors, verdicts, places), as the core words them. */
export type CommonKey = ParseKeys<'common'>;

export function t(key: CommonKey, params?: Record<string, unknown>): string {
  return i18n.t(key, params ?? {}) as string;
}
