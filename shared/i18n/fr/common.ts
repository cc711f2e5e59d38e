/**
 * French catalogue shared by the core (error and verdict messages) and the renderer (namespace `common`).
 * The screens' own strings are in `ui/` (namespace `ui`). Interpolation: `{{name}}`.
 */
export const frCommon = {
  staff: {
    implicit: 'Responsable',
    implicit_demo: 'Responsable (démo)',
    someone_else: 'une autre personne',
    role: { cashier: 'caissier·ère', manager: 'responsable' },
    audit_detail: {
      attempt: 'essai {{count}} sur 5',
      minutes_one: 'verrouillage après {{count}} minute',
      minutes_other: 'verrouillage après {{count}} minutes',
    },
  },
  errors: {
    invalid_input: 'Demande invalide : {{detail}}',
    fields_refused: 'pass Culture refuse « {{fields}} » sans dire pourquoi.',
    call_refused:
      'Le guichet a refusé sa propre demande (référence {{ref}}) : {{detail}} C’est un défaut du guichet : signalez cette référence au support.',
    unknown_call: 'Action inconnue.',
    not_a_countermark: "Ce code n'est pas une contremarque pass Culture.",
    countermark_unknown: 'Contremarque introuvable : vérifiez le code, ou la réservation concerne un autre lieu.',
    already_used: 'Cette contremarque a déjà été validée.',
    cancelled: 'Cette réservation a été annulée.',
    reimbursed: 'Cette réservation a déjà été remboursée : elle ne peut plus être validée ni invalidée.',
    not_confirmed: 'Cette contremarque ne peut pas encore être validée.',
    not_confirmed_from:
      'Vous pourrez valider cette contremarque à partir du {{when}}, une fois le délai d’annulation passé.',
    offerer_closed: 'La structure est fermée : ses contremarques ne peuvent plus être validées.',
    booking_refused: 'pass Culture refuse cette contremarque : « {{text}} »',
    platform_said: 'pass Culture refuse la demande ({{status}}) : « {{text}} »',
    not_used: "Cette réservation n'a pas été validée : il n'y a rien à annuler.",
    not_undoable: 'Seules les validations faites à ce guichet peuvent être annulées ici.',
    not_cancellable: 'pass Culture refuse l’annulation : cette réservation ne peut plus être annulée.',
    auth_invalid: 'La clé API pass Culture est refusée : vérifiez-la dans les réglages.',
    provider_inactive: 'Le partenaire technique associé à cette clé est désactivé par pass Culture.',
    rate_limited: 'Trop de demandes envoyées à pass Culture : réessayez dans quelques secondes.',
    rate_limited_local:
      'pass Culture limite le nombre de demandes en ce moment : réponse établie avec les données de ce poste.',
    platform_unreachable: 'pass Culture est injoignable : vérifiez la connexion Internet.',
    platform_timeout: 'pass Culture ne répond pas (délai dépassé) : réessayez dans un instant.',
    platform_error: 'pass Culture a rencontré une erreur ({{status}}) : réessayez dans un instant.',
    platform_malformed: 'Réponse inattendue de pass Culture : réessayez ; si cela persiste, contactez le support.',
    demo_only: 'Disponible uniquement en mode démonstration.',
    internal:
      'Erreur interne du guichet (référence {{ref}}) : l’action n’a pas abouti. Réessayez ; si cela persiste, donnez cette référence au support.',
    offer_not_editable:
      'Ce film a été créé sur le site pass Culture Pro ou importé (Allociné) : par l’API, le guichet peut seulement l’activer ou le désactiver et régler les places de ses séances. Modifiez le reste sur le site pro.',
    platform_refused: 'pass Culture a refusé l’envoi. {{detail}}',
    offer_unknown:
      'Film, séance ou tarif introuvable sur pass Culture (supprimé entre-temps ?). Synchronisez puis réessayez.',
    venue_unknown:
      "Ce lieu n'est pas (ou plus) accessible avec cette clé : il doit activer le partenaire technique sur pass Culture Pro.",
    poster_invalid: 'Affiche refusée : {{detail}}',
    sales_not_closed: 'Cette séance n’a pas été fermée depuis ce guichet : réglez ses places à la main.',
    price_category_duplicate: 'Ce film a déjà un tarif « {{label}} » : choisissez un autre nom.',
    programme_invalid: 'Rien n’a été envoyé à pass Culture : {{detail}}',
    past_seance_not_editable:
      'pass Culture ne modifie plus une séance qui a déjà commencé, ni le tarif qu’elle utilise. Pour les prochaines séances, ajoutez un nouveau tarif et choisissez-le pour elles.',
    key_missing: 'Aucune clé API enregistrée : saisissez la clé pass Culture.',
    key_refused: 'Clé refusée par pass Culture : vérifiez-la.',
    key_other_environment:
      'Clé refusée par pass Culture : cette clé semble appartenir à l’environnement {{environment}}. Choisissez cet environnement.',
    key_malformed: 'Cette clé contient des espaces ou des caractères invalides : copiez-la à nouveau, sans espace.',
    invalid_base_url:
      'Adresse invalide : elle doit commencer par https:// (http:// seulement pour 127.0.0.1 ou localhost), sans identifiant ni paramètre.',
    not_a_platform: 'Cette adresse ne répond pas comme une plateforme pass Culture (réponse {{status}}) : vérifiez-la.',
    no_venue:
      "Aucun lieu n'est rattaché à cette clé : le lieu doit activer le partenaire technique sur pass Culture Pro.",
    venue_not_linked:
      "Ce lieu n'est pas rattaché à cette clé (n° {{ids}}) : testez la clé et choisissez parmi ses lieux.",
    account_from_environment:
      'Le compte pass Culture est fixé par les variables d’environnement (PASSCULTURE_API_KEY) : modifiez-les, puis relancez le guichet.',
    account_switch_failed:
      "Le guichet n'a pas pu démarrer sur ce compte ({{detail}}) : le compte précédent est rétabli.",
    engine_stopped: 'Le guichet est arrêté ou redémarre sans succès : relancez-le.',
    erase_refused:
      '{{count}} validation(s) ou conflit(s) de ce compte n’ont pas encore été transmis à pass Culture : synchronisez (ou traitez les conflits) avant d’effacer ses données.',
    disk_full: 'Disque plein : les validations ne peuvent plus être enregistrées. Libérez de la place sur le disque.',
    key_exposed:
      'La clé API était lisible par d’autres comptes de cet ordinateur : l’accès a été restreint, mais renouvelez la clé sur pass Culture Pro puis enregistrez la nouvelle ici.',
    key_shape:
      'PASSCULTURE_API_KEY contient des espaces, des retours à la ligne ou des caractères invalides : copiez la clé à nouveau, sans espace.',
    seance_outside_window:
      'Cette réservation est pour la séance du {{when}}, pas pour une séance du moment : confirmez pour la valider quand même.',
    // Every error code has a sentence here, used when the core raises one without its own message.
    signed_out: 'Guichet verrouillé : tapez votre code personnel pour continuer.',
    forbidden: 'Réservé au responsable : demandez-lui de se connecter.',
    forbidden_undo_other: 'Seul le responsable peut annuler une validation faite par {{name}}.',
    forbidden_undo_late: 'Plus de 10 minutes depuis la validation : seul le responsable peut l’annuler.',
    pin_wrong: 'Code personnel inconnu.',
    pin_wrong_left_one: 'Code personnel inconnu : encore {{count}} essai avant le blocage d’une minute.',
    pin_wrong_left_other: 'Code personnel inconnu : encore {{count}} essais avant le blocage d’une minute.',
    pin_pad_locked: 'Trop de codes erronés : le clavier est bloqué jusqu’à {{time}}.',
    pin_taken: 'Ce code est déjà celui d’une autre personne de l’équipe : choisissez-en un autre.',
    team_first_manager:
      'La première personne de l’équipe est le responsable : son code sera demandé pour les réglages.',
    team_last_manager: 'L’équipe doit garder au moins un responsable actif.',
    team_invalid: 'Modification de l’équipe impossible.',
    person_unknown: 'Cette personne n’existe pas dans l’équipe.',
    not_printable: 'Cette opération du journal n’a pas de ticket (seules les entrées validées en ont).',
    print_job_unknown: 'Impression introuvable.',
    print_failed: 'L’impression a échoué : vérifiez l’imprimante dans Impression, puis réessayez.',
    database_damaged: 'La base de données du guichet est endommagée : restaurez une sauvegarde.',
    engine_failed: 'Le guichet n’a pas pu démarrer : relancez-le ; le détail est dans le journal technique.',
    // counters on the LAN
    pairing_failed:
      'Association refusée : vérifiez l’adresse et le code affichés par le poste principal (un code ne sert qu’une fois et expire après 5 minutes).',
    pairing_name_taken:
      'Association refusée : le poste principal ou un autre poste s’appelle déjà « {{name}} ». Donnez à ce poste un autre nom (Réglages → compte pass Culture, ou COUNTER_NAME), ou révoquez l’ancien poste de ce nom sur le poste principal.',
    main_unreachable:
      'Le poste principal ne répond pas : vérifiez qu’il est allumé et sur le même réseau, puis réessayez.',
    not_granted: 'Cette action se fait au poste principal, pas depuis un poste secondaire.',
    undo_at_main: 'Validée à {{counter}} : l’annulation se fait à ce poste.',
    not_main_counter: 'Ce poste n’est pas le poste principal : activez d’abord ce rôle dans Réglages → Postes.',
    lan_refused:
      'Le rôle de ce poste est fixé par les variables d’environnement (COUNTER_ROLE) : modifiez-les, puis relancez le guichet.',
  },
  /** Codes that are not pass Culture countermarks (shared/foreignCode.ts): what it likely is, what to do. */
  foreign: {
    ean: {
      label: 'Code-barres EAN',
      what: 'Code-barres EAN : un billet de la billetterie du cinéma, ou le code d’un produit.',
      todo: 'Un billet de billetterie se contrôle dans votre logiciel de caisse ; pour pass Culture, demandez la contremarque (QR code ou code à 6 caractères dans l’application).',
    },
    isbn: {
      label: 'Code-barres d’un livre (ISBN)',
      what: 'Code-barres d’un livre (ISBN), pas une réservation.',
      todo: 'Demandez la contremarque pass Culture : le QR code ou le code à 6 caractères de la réservation dans l’application.',
    },
    ticket_number: {
      label: 'Billet d’une billetterie',
      what: 'Billet de la billetterie du cinéma (CDS/Ciné Office, Boost, CGR, EMS…) ou numéro de billet, pas une contremarque pass Culture.',
      todo: 'À contrôler dans votre logiciel de caisse.',
    },
    pass_culture_unreadable: {
      label: 'QR code pass Culture illisible',
      what: 'QR code pass Culture incomplet ou d’une version que le guichet ne connaît pas.',
      todo: 'Scannez-le à nouveau, ou tapez le code à 6 caractères affiché sous le QR code.',
    },
    pass_culture_link: {
      label: 'Lien pass Culture',
      what: 'Lien vers l’application ou le site pass Culture, pas une réservation.',
      todo: 'Demandez à la personne d’ouvrir sa réservation dans l’application : le QR code ou le code à 6 caractères.',
    },
    url: {
      label: 'Lien internet',
      what: 'QR code d’un lien internet, pas une contremarque.',
      todo: 'Demandez la contremarque pass Culture : le QR code ou le code à 6 caractères de la réservation dans l’application.',
    },
    qr_other: {
      label: 'QR code d’une autre application',
      what: 'QR code d’une autre application (billet, carte, message…), pas une contremarque pass Culture.',
      todo: 'S’il s’agit d’un billet de votre billetterie, contrôlez-le dans votre logiciel de caisse ; sinon demandez la contremarque pass Culture.',
    },
    unknown_barcode: {
      label: 'Code-barres non reconnu',
      what: 'Ce code-barres n’est pas une contremarque pass Culture.',
      todo: 'Un billet de billetterie se contrôle dans votre logiciel de caisse ; sinon tapez le code à 6 caractères de la réservation.',
    },
    typing: {
      label: 'Pas une contremarque',
      what: "Ce code n'est pas une contremarque pass Culture.",
      todo: 'Une contremarque a 6 caractères (lettres et chiffres) : vérifiez la saisie.',
    },
  },
  account: {
    key_file_warning:
      'La clé est enregistrée sans chiffrement dans un fichier lisible uniquement par votre compte utilisateur.',
    environment_production: 'de production',
    environment_integration: 'd’intégration',
    environment_other: '« {{name}} »',
  },
  sync: {
    used_elsewhere: 'Déjà validée ailleurs (site pass Culture Pro ou autre guichet) avant l’envoi de cette validation.',
    token_other_booking:
      'La contremarque scannée appartient à une autre réservation que celle choisie par nom : validation provisoire refusée.',
    noted_already_used: 'Déjà validée par pass Culture après une tentative interrompue : comptée une seule fois.',
    noted_not_used: 'Déjà invalidée par pass Culture après une tentative interrompue.',
    keep_refused: 'pass Culture refuse l’annulation de cette validation.',
    retry_later: 'Nouvel essai prévu : {{reason}}',
    offline_unknown:
      "Hors ligne : cette contremarque n'est pas connue de ce poste et ne peut pas être vérifiée. Trouvez la personne par son nom parmi les réservations des séances en cours.",
    offline_verdict: 'Hors ligne : verdict établi avec les données locales.',
    provisional_recorded:
      'Validation provisoire enregistrée : elle sera vérifiée par pass Culture au retour du réseau.',
    provisional_not_bookable: 'Cette réservation ne peut pas être validée : {{reason}}',
    booking_not_found: 'Réservation introuvable dans les données de ce poste.',
    pending_upload: 'Enregistrée : sera envoyée à pass Culture au retour du réseau.',
    shown_to_cashier: 'Refus affiché au guichet au moment de la validation.',
    cancelled_before_sending: 'Annulée au guichet avant l’envoi : rien à transmettre.',
    unknown_offline: "Hors ligne : cette contremarque n'a jamais été vue par ce poste ; utilisez la recherche par nom.",
    // several counters (issue 14)
    handed_over: 'Remise au poste principal, qui l’envoie à pass Culture.',
    sent_by_secondary: 'Réglée par {{counter}} en mode autonome avant la remise : rien à envoyer d’ici.',
    double_admission:
      'Admise à {{first}} à {{firstAt}} et à {{second}} à {{secondAt}} (postes coupés l’un de l’autre).',
  },
  verdict: {
    valid: 'Contremarque valide : vérifiez la pièce d’identité.',
    other_seance: {
      past: 'Cette réservation est pour une séance passée : elle n’est plus à l’heure d’entrer.',
      other_day: 'Cette réservation est pour une séance d’un autre jour.',
      later_today: 'Cette réservation est pour une séance plus tard aujourd’hui.',
    },
    validated: 'Validée : {{places}}.',
    undone: 'Validation annulée : la contremarque peut être validée à nouveau.',
  },
  programme: {
    film: {
      duration_invalid: 'la durée est un nombre entier de minutes, 1 au moins.',
      duration_too_long:
        'pass Culture demande une durée de moins de 24 heures (1 439 minutes au plus) ; pour un évènement plus long, laissez la durée vide.',
      video_too_long: 'le lien de la bande-annonce dépasse {{max}} caractères.',
      video_not_youtube:
        'pass Culture accepte seulement le lien d’une vidéo YouTube publique (par exemple https://www.youtube.com/watch?v=…), ni un « short », ni une chaîne.',
    },
    field: {
      name: 'Titre',
      description: 'Description',
      duration: 'Durée',
      duo: 'Option DUO',
      active: 'Activation du film',
      video: 'Bande-annonce',
      poster: 'Affiche',
      poster_credit: 'Crédit de l’affiche',
      tariffs: 'Tarifs',
      tariff_which: 'Tarif {{which}}',
      tariff_label: 'Nom du tarif',
      tariff_price: 'Prix du tarif',
      tariff: 'Tarif',
      seances: 'Séances',
      seance_which: 'Séance {{which}}',
      seance_start: 'Début de la séance',
      seance_limit: 'Limite de réservation de la séance',
      seance_seats: 'Places de la séance',
      seance_tariff: 'Tarif de la séance',
      seance: 'Séance',
      reference: 'Référence du guichet',
      venue: 'Lieu',
      accessibility: 'Accessibilité',
      category: 'Catégorie',
      ticket: 'Billet',
      booking_email: 'E-mail des réservations',
      booking_contact: 'Contact des réservations',
      publication: 'Date de publication',
      booking_opening: 'Ouverture des réservations',
      ticket_office: 'Billetterie en ligne',
      collection: 'Modalités de retrait',
      film: 'Film',
      number: 'n° {{number}}',
      other: 'Champ « {{field}} »',
    },
    refusal: {
      in_past: 'la date est déjà passée ; pass Culture n’accepte qu’une date à venir',
      naive_date: 'la date doit préciser son fuseau horaire (défaut du guichet : signalez-le au support)',
      video_not_found: 'vidéo introuvable sur YouTube, sans doute privée : vérifiez le lien',
      max_chars_one: '{{count}} caractère au plus',
      max_chars_other: '{{count}} caractères au plus',
      min_chars_one: 'ne peut pas être vide',
      min_chars_other: '{{count}} caractères au moins',
      max_items_one: '{{count}} élément au plus',
      max_items_other: '{{count}} éléments au plus',
      max_seances_one: 'ce film a déjà le maximum de {{count}} séance',
      max_seances_other: 'ce film a déjà le maximum de {{count}} séances',
      required: 'à renseigner, pass Culture le demande',
      unknown_field: 'champ inconnu de pass Culture (défaut du guichet : signalez-le au support)',
      integer: 'un nombre entier est attendu',
      at_most: '{{value}} au plus',
      at_least: '{{value}} au moins',
      email: 'adresse e-mail invalide',
      url: 'adresse web invalide : elle doit commencer par https://',
      image_small: 'image trop petite, pass Culture demande au moins 400 × 600 pixels',
      image_large: 'image trop grande, pass Culture accepte au plus 800 × 1200 pixels',
      image_unreadable: 'ce fichier n’est pas une image lisible',
      image_heavy: 'fichier trop lourd pour pass Culture : choisissez une image plus légère',
      image_ratio: 'pass Culture demande une affiche en portrait au format 2:3 (par exemple 600 × 900)',
      tariff_gone: 'tarif introuvable sur pass Culture (supprimé entre-temps ?) : rouvrez le film',
      tariffs_twins: 'deux tarifs ont le même nom et le même prix',
      reference_taken: 'référence déjà utilisée par une autre séance',
      not_bookable: 'la séance ne serait pas réservable avant sa date limite de réservation',
      category_fixed: 'la catégorie d’un film ne change pas',
      gone: 'introuvable sur pass Culture (supprimé entre-temps ?)',
      platform_words: 'refusé par pass Culture (« {{message}} »)',
      no_reason: 'refusé par pass Culture, sans motif donné',
      no_detail: 'pass Culture n’a pas dit pourquoi : vérifiez la fiche, puis réessayez.',
    },
    seance: {
      which: 'du {{day}} à {{time}}',
      unknown_tariff: 'La séance n° {{number}} désigne un tarif que ce film n’a pas.',
      in_past:
        'la séance du {{day}} à {{time}} serait déjà commencée, et pass Culture n’accepte qu’une séance à venir.',
    },
    poster: {
      not_an_image: 'ce n’est pas une image PNG ou JPEG.',
      ratio:
        'elle mesure {{width}} × {{height}} pixels ; pass Culture demande une affiche en portrait au format 2:3 (par exemple 600 × 900).',
      too_small: 'elle mesure {{width}} × {{height}} pixels ; pass Culture demande au moins 400 × 600.',
      too_large: 'elle mesure {{width}} × {{height}} pixels ; pass Culture accepte au plus 800 × 1200.',
      too_heavy: 'le fichier pèse {{size}} Mo ; le guichet envoie une affiche de {{max}} Mo au plus.',
    },
  },
  places_one: '{{count}} place',
  places_other: '{{count}} places',
} as const;
