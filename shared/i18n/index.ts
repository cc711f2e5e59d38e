/**
 * One i18next instance for the whole app, initialised synchronously with the French catalogue, so the core
 * can word its errors and the renderer can add its own namespace to the same instance.
 */
import i18next from 'i18next';
import { frCommon } from './fr';

export const i18n = i18next.createInstance();
void i18n.init({
  lng: 'fr',
  fallbackLng: 'fr',
  ns: ['common'],
  defaultNS: 'common',
  resources: { fr: { common: frCommon } },
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes; the core never builds HTML from these.
  returnNull: false,
});

export function t(key: string, params?: Record<string, unknown>): string {
  return i18n.t(key, params ?? {}) as string;
}
