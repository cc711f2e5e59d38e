/**
 * The renderer's handle on the one shared i18next instance. The screens' strings are namespace `ui` of the French
 * catalogue (`shared/i18n/fr/ui/`), loaded with the others when the instance starts; keys are typed from it.
 *
 * `useTranslation` stands in for react-i18next's: the same `t` (keys typed the same way), memoised (shared/i18n):
 * a verdict's render asks for a dozen wordings, and i18next's lookup and interpolation cost tens of microseconds
 * each, on the path from the scanner's Enter to the verdict on screen. The language never changes while the app
 * runs (French only), so nothing needs to re-render on a language change and `t` is one function per namespace set.
 */
import type { FlatNamespace, TFunction } from 'i18next';
import { i18n, memoised } from '../../shared/i18n';

export { i18n };

const translators = new Map<string, unknown>();

/**
 * The memoised `t` of a namespace (or set), outside React: for formatting helpers that a render calls (a verdict's
 * séance line), which must not pay i18next's lookup and interpolation at each render either.
 */
export function translator<const N extends FlatNamespace | readonly FlatNamespace[]>(ns: N): TFunction<N> {
  const scope = typeof ns === 'string' ? ns : ns.join(',');
  let t = translators.get(scope);
  if (t === undefined) {
    const fixed = i18n.getFixedT('fr', ns as FlatNamespace) as unknown as (key: string, params?: object) => string;
    t = memoised((key, params) => fixed(key, params), scope);
    translators.set(scope, t);
  }
  return t as TFunction<N>;
}

export function useTranslation<const N extends FlatNamespace | readonly FlatNamespace[]>(ns: N): { t: TFunction<N> } {
  return { t: translator(ns) };
}
