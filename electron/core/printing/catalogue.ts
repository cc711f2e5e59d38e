/**
 * French text printed on slips and shown for print jobs, as the `printing` namespace of the shared i18next
 * instance (the core words it; the renderer shows what the core sends). Interpolation: `{{name}}`.
 */
import { i18n } from '../../../shared/i18n';

export const frPrinting = {
  slip: {
    title: "Ticket d'entrée {{token}}",
    heading: 'ENTRÉE pass Culture',
    duplicate: 'DUPLICATA',
    film: 'Film',
    seance: 'Séance',
    seance_unknown: 'inconnue',
    places: 'Places',
    places_one: '1 place',
    places_duo: 'DUO - 2 places',
    tariff: 'Tarif',
    price: 'Prix',
    price_duo: '2 x {{unit}} = {{total}}',
    beneficiary: 'Bénéficiaire',
    countermark: 'Contremarque',
    validated_at: 'Validée le',
    counter: 'Guichet',
    entry_number: 'Entrée n° {{id}}',
    no_value: '-',
    unknown_cinema: 'Cinéma',
  },
  test_page: {
    title: 'Page de test',
    heading: 'PAGE DE TEST',
    printer: 'Imprimante',
    paper: 'Papier',
    paper_value: '{{width}} mm, {{columns}} caractères',
    dialect: 'Commandes',
    code_page: 'Page de codes',
    accents: 'Accents : àâäçéèêëîïôöûùüÿ',
    capitals: 'Capitales : ÀÂÇÉÈÊËÎÏÔÛÙÜ',
    euro: 'Euro : 12,50 € « guillemets »',
    sizes: 'Grand',
    printed_at: 'Imprimée le {{when}}',
  },
  printer: {
    none: 'Aucune imprimante',
    virtual: 'Imprimante virtuelle',
    tcp: 'Réseau {{host}}:{{port}}',
    usb: 'USB {{id}}',
    system: 'Imprimante système « {{name}} »',
    serial: 'Série {{path}}',
  },
  state: {
    online: 'Imprimante prête',
    offline: 'Imprimante hors ligne',
    cover_open: 'Capot de l’imprimante ouvert',
    paper_out: 'Plus de papier',
    paper_near_end: 'Papier bientôt épuisé',
    error: 'Imprimante en erreur',
    unreachable: 'Imprimante injoignable',
    unknown: 'État de l’imprimante inconnu',
    none: 'Aucune imprimante configurée',
  },
  settings: {
    invalid_printer:
      'Imprimante invalide : choisissez none, virtual, tcp://hôte:port, usb://vid:pid, system:Nom ou serial:port@débit.',
  },
  failure: {
    no_printer: 'Aucune imprimante n’est configurée.',
    unreachable: 'Imprimante injoignable : vérifiez qu’elle est allumée, branchée et sur le bon réseau.',
    timeout: 'L’imprimante ne répond pas (délai dépassé).',
    dropped: 'La connexion à l’imprimante a été coupée pendant l’impression.',
    offline: 'L’imprimante est hors ligne.',
    cover_open: 'Le capot de l’imprimante est ouvert.',
    paper_out: 'Plus de papier dans l’imprimante.',
    error: 'L’imprimante signale une erreur (massicot, tête ou température).',
    usb_not_found: 'Imprimante USB {{id}} introuvable : vérifiez le câble.',
    usb_unavailable:
      'Le guichet ne peut pas accéder à l’USB sur ce poste : choisissez l’imprimante système, ou faites installer l’accès USB (pilote WinUSB sous Windows, règle udev sous Linux).',
    usb_claim:
      'Windows refuse l’accès à l’imprimante USB : installez le pilote WinUSB pour ce périphérique (par exemple avec Zadig), ou choisissez l’imprimante système.',
    usb_busy:
      'L’imprimante USB est utilisée par un autre programme ou par le système : fermez-le, ou choisissez l’imprimante système.',
    serial: 'Port série indisponible : vérifiez le câble et le port choisi, et qu’aucun autre programme ne l’utilise.',
    system: 'L’impression par le système a échoué : vérifiez l’imprimante dans les réglages du poste.',
    system_unavailable: 'L’impression système n’est disponible que dans l’application de bureau.',
    interrupted: 'Impression interrompue par l’arrêt du guichet.',
    stale: 'Impression abandonnée : le guichet a été arrêté avant de l’imprimer.',
    not_printable: 'Cette opération du journal n’a pas de ticket (seules les entrées validées en ont).',
    unknown_job: 'Impression introuvable.',
    unexpected: 'Erreur d’impression inattendue : réessayez ; le détail est dans le journal technique du guichet.',
  },
} as const;

export const PRINTING_NAMESPACE = 'printing';

if (!i18n.hasResourceBundle('fr', PRINTING_NAMESPACE)) {
  i18n.addResourceBundle('fr', PRINTING_NAMESPACE, frPrinting, true, true);
}

/** A printing string, e.g. `pt('slip.film')`. */
export function pt(key: string, params?: Record<string, unknown>): string {
  return i18n.t(`${PRINTING_NAMESPACE}:${key}`, params ?? {}) as string;
}
