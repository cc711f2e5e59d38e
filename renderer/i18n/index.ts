/**
 * The renderer's handle on the one shared i18next instance. The screens' strings are namespace `ui` of the French
 * catalogue (`shared/i18n/fr/ui/`), loaded with the others when the instance starts; keys are typed from it.
 */
export { i18n } from '../../shared/i18n';
