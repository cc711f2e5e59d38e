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

/**
 * Wordings computed once per key and primitive parameters: i18next's lookup, plural rules and interpolation cost
 * tens of microseconds a call (80 µs measured under load), and every verdict and validation asks for a few of the
 * same ones — in the engine and on screen alike (a verdict's render asks for a dozen). Forgotten whenever a
 * catalogue is added and when the memo grows past its cap; a missing key (i18next returns the key itself) is never
 * kept.
 */
const memo = new Map<string, string>();
const MEMO_CAP = 5_000;
const MEMO_KEY_MAX = 300;
i18n.store.on('added', () => memo.clear());

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** `translate`, memoised under `scope` (e.g. the namespaces a screen reads from). */
export function memoised(translate: Translate, scope: string): Translate {
  return (key, params) => {
    const memoKey = memoKeyOf(`${scope}\u0002${key}`, params);
    if (memoKey === null) return translate(key, params);
    let text = memo.get(memoKey);
    if (text === undefined) {
      text = translate(key, params);
      if (text !== key) {
        if (memo.size >= MEMO_CAP) memo.clear();
        memo.set(memoKey, text);
      }
    }
    return text;
  };
}

/** A key of the `common` namespace (errors, verdicts, places), as the core words them. */
export type CommonKey = ParseKeys<'common'>;

const commonT = memoised((key, params) => i18n.t(key as CommonKey, params ?? {}) as string, 'common');

export function t(key: CommonKey, params?: Record<string, unknown>): string {
  return commonT(key, params);
}

/**
 * Null when the parameters are not a plain object of strings, numbers and booleans (a wording could then depend on
 * more than their values).
 */
function memoKeyOf(key: string, params: Record<string, unknown> | undefined): string | null {
  if (params === undefined) return key;
  if (typeof params !== 'object' || params === null) return null;
  let memoKey = key;
  for (const name in params) {
    const value = params[name];
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return null;
    memoKey += `\u0000${name}\u0001${type[0]}${String(value)}`;
    if (memoKey.length > MEMO_KEY_MAX) return null;
  }
  return memoKey;
}
