/**
 * The renderer's strings join the one shared i18next instance as namespace `ui`, next to the core's `common`.
 * Importing this module is what makes `ui:` keys available, so every user of them imports `i18n` from here.
 */
import { i18n } from '../../shared/i18n';
import { frUi } from './fr';

export const UI_NAMESPACE = 'ui';

if (!i18n.hasResourceBundle('fr', UI_NAMESPACE)) {
  i18n.addResourceBundle('fr', UI_NAMESPACE, frUi, true, true);
}

export { i18n };
