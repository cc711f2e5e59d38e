/**
 * French text the core writes into reports (CSV headers, the printed report), as the `reports` namespace of the
 * shared i18next instance, like the printing catalogue. Interpolation: `{{name}}`.
 */
import { i18n } from '../../../shared/i18n';

export const frReports = {
  csv: {
    file_name: 'rapport-fin-de-journee-{{day}}.csv',
    seance: 'Séance',
    film: 'Film',
    tariff: 'Tarif',
    expected: 'Réservations attendues',
    expected_places: 'Places attendues',
    expected_amount: 'Montant attendu (€)',
    here: 'Validées ici',
    here_places: 'Places validées ici',
    provisional: 'Validations provisoires',
    elsewhere: 'Validées ailleurs',
    elsewhere_places: 'Places validées ailleurs',
    validated_amount: 'Montant validé (€)',
    conflicts: 'Conflits',
    no_shows: 'Absents',
    no_show_places: 'Places non utilisées',
    waiting: 'En attente',
    cancelled: 'Annulées',
    total: 'TOTAL',
  },
  slip: {
    title: 'Rapport de fin de journée {{day}}',
    heading: 'FIN DE JOURNÉE',
    subheading: 'pass Culture',
    day: 'Jour',
    counter: 'Guichet',
    printed_at: 'Imprimé le {{when}}',
    no_seance: 'Aucune séance ce jour.',
    expected: 'Attendues',
    here: 'Validées ici',
    provisional: 'Provisoires',
    elsewhere: 'Validées ailleurs',
    conflicts: 'Conflits',
    no_shows: 'Absents',
    waiting: 'En attente',
    validated_amount: 'Montant validé',
    expected_amount: 'Montant attendu',
    count: '{{bookings}} ({{places}} pl.)',
    tariff: ' · {{label}}',
    tariff_value: '{{validated}}/{{expected}} val.',
    totals: 'TOTAL DE LA JOURNÉE',
  },
  failure: {
    no_printer: 'Aucune imprimante de tickets configurée : choisissez-en une dans Impression.',
  },
};

export const REPORTS_NAMESPACE = 'reports';
if (!i18n.hasResourceBundle('fr', REPORTS_NAMESPACE)) {
  i18n.addResourceBundle('fr', REPORTS_NAMESPACE, frReports, true, true);
}

export function rt(key: string, params?: Record<string, unknown>): string {
  return i18n.t(`${REPORTS_NAMESPACE}:${key}`, params ?? {}) as string;
}
