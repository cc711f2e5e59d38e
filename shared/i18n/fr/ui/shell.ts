/** The frame of every screen: start-up and recovery, header, status lines and banners, link errors, fields, relative times, booking badges, desktop notifications. Namespace `ui`; interpolation: `{{name}}`. */
export const frShellUi = {
  app: {
    name: 'Guichet pass Culture',
    starting: 'Démarrage du guichet…',
    startup_failed: "Le guichet n'a pas pu démarrer",
    retry: 'Réessayer',
    use_demo_instead: 'Passer en mode démonstration (le compte et ses données restent sur ce poste)',
  },
  disk: {
    full_banner:
      'Disque plein : les validations ne peuvent plus être enregistrées. Libérez de la place sur le disque ; le guichet reprend dès que c’est fait.',
  },
  recovery: {
    title: 'La base de données du guichet est endommagée',
    backups_title: 'Sauvegardes disponibles (la plus récente en premier)',
    kind: { daily: 'Sauvegarde quotidienne', migration: 'Sauvegarde avant mise à jour' },
    size: '{{size}} Ko',
    restore: 'Restaurer cette sauvegarde',
    restore_hint:
      'Ce qui a été enregistré après la sauvegarde choisie ne sera pas dans le journal ; le fichier endommagé est conservé à part (dossier « damaged ») pour le support.',
    empty: 'Repartir d’une base vide…',
    empty_question:
      'Repartir d’une base vide : le journal et les validations non envoyées de ce poste ne seront plus visibles ici (le fichier endommagé est conservé à part). Continuer ?',
    empty_confirm: 'Oui, repartir d’une base vide',
    cancel: 'Annuler',
  },
  header: {
    navigation: 'Écrans du guichet',
    counter_name: 'Guichet : {{name}}',
    no_venue: 'Lieu non configuré',
    skip_to_field: 'Aller au champ contremarque',
    skip_to_content: 'Aller au contenu',
    nav: {
      counter: 'Guichet',
      journal: 'Journal',
      programme: 'Programme',
      bookings: 'Réservations',
      sync: 'Synchronisation',
      settings: 'Réglages',
      printing: 'Impression',
      reimbursements: 'Remboursements',
      reports: 'Fin de journée',
    },
  },
  demo_banner: {
    pill: 'DÉMO',
    short: 'bac à sable',
    text: 'Mode démonstration — bac à sable, aucune contremarque réelle',
  },
  status: {
    platform: 'pass Culture : {{host}}',
    engine_up: 'Moteur du guichet : connecté',
    engine_down: 'Moteur du guichet : injoignable',
    engine_hint:
      'Le point indique le lien entre cet écran et le moteur du guichet sur ce poste (pas pass Culture : son état est dans la ligne du haut).',
    version: 'Version {{version}}',
  },
  lan: {
    autonomous:
      'Poste principal ({{name}}) injoignable : mode autonome. Un billet validé à une autre caisse pendant la coupure peut être admis deux fois ; il sera signalé.',
    autonomous_since:
      'Poste principal ({{name}}) injoignable depuis {{time}} : mode autonome. Un billet validé à une autre caisse pendant la coupure peut être admis deux fois ; il sera signalé.',
    waiting: 'Validations de ce poste à remettre au poste principal : {{count}}.',
    handing_over:
      'Poste principal ({{name}}) de retour : remise des validations faites en mode autonome ({{count}} restantes).',
    revoked:
      'Ce poste n’est plus associé au poste principal ({{name}}) : aucun contrôle ni validation n’est possible. Associez-le à nouveau dans Réglages → Postes.',
  },
  link: {
    lost: 'Le guichet ne joint plus le moteur local',
    lost_banner: 'Le guichet ne joint plus le moteur local — reconnexion en cours…',
    no_session: "Session absente : ouvrez le guichet depuis l'adresse affichée au démarrage du moteur local.",
    timeout: 'Le moteur local ne répond pas : réessayez dans un instant.',
    malformed: 'Réponse illisible du moteur local : réessayez ; si cela persiste, redémarrez le guichet.',
    call_failed:
      'Erreur interne du guichet : l’action n’a pas abouti. Réessayez ; si cela persiste, redémarrez le guichet.',
    too_large:
      'Envoi trop volumineux pour le moteur local ({{max}} Mo au plus) : rien n’a été envoyé. Pour une affiche, choisissez un fichier plus léger.',
  },
  fields: {
    day_placeholder: 'jj/mm/aaaa',
    day_problem: 'Jour à écrire jj/mm/aaaa, par exemple 14/07/2026.',
    time_placeholder: 'hh:mm',
    time_problem: 'Heure à écrire sur 24 h, par exemple 20:30.',
  },
  time: {
    just_now: "à l'instant",
    minutes_ago: 'il y a {{count}} min',
    at: 'à {{time}}',
    on: 'le {{when}}',
  },
  status_banner: {
    loading: 'État de la synchronisation…',
    unavailable: 'État de la synchronisation indisponible',
    online: 'En ligne',
    offline: 'Hors ligne',
    offline_since: 'Hors ligne depuis {{time}}',
    offline_hint: 'Le guichet continue.',
    last_sync: 'Dernière synchro : {{when}}',
    never_synced: 'Pas encore synchronisé',
    pending_one: "{{count}} validation en attente d'envoi",
    pending_other: "{{count}} validations en attente d'envoi",
    conflicts_one: '{{count}} conflit à traiter',
    conflicts_other: '{{count}} conflits à traiter',
    no_conflict: 'Aucun conflit',
  },
  booking_status: {
    expected: 'à venir',
    came: 'venu(e)',
    cancelled: 'annulée',
    reimbursed: 'remboursée',
    provisional: 'validation provisoire',
    pending_upload: "en attente d'envoi",
  },
  notifications: {
    settings_title: 'Notifications',
    settings_hint: 'Une notification et un son discret à chaque nouvelle réservation ou annulation pass Culture.',
    enabled_label: 'Prévenir des nouvelles réservations et des annulations',
    added_title: 'Nouvelle réservation : {{name}}',
    cancelled_title: 'Réservation annulée : {{name}}',
    body_one: '{{film}} · {{seance}} · {{count}} place',
    body_other: '{{film}} · {{seance}} · {{count}} places (DUO)',
    seance: '{{day}} à {{time}}',
    seance_unknown: 'séance inconnue',
    summary_title: 'pass Culture : {{what}}',
    summary_body: 'Depuis la dernière synchronisation. L’écran Réservations les montre.',
    summary_and: '{{first}} et {{second}}',
    service_title: 'Pendant le service, au guichet',
    service_in_app:
      'Discrètes : regroupées dans la barre d’état, sans nom ni son (la file d’attente ne voit rien) — recommandé',
    service_desktop: 'Notifications du système avec le nom, comme sur les autres écrans',
    service_hint:
      'Sur les autres écrans (Programme, Réservations…), les notifications du système s’affichent toujours, avec le nom.',
    grouped_added_one: '{{count}} nouvelle réservation',
    grouped_added_other: '{{count}} nouvelles réservations',
    grouped_cancelled_one: '{{count}} annulation',
    grouped_cancelled_other: '{{count}} annulations',
    grouped_open: 'Voir les réservations',
  },
} as const;
