/**
 * French catalogue shared by the core (error and verdict messages) and the renderer (namespace `common`).
 * Screens add their own strings in `renderer/i18n/fr.ts`. Interpolation: `{{name}}`.
 */
export const frCommon = {
  errors: {
    invalid_input: 'Demande invalide : {{detail}}',
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
    not_used: "Cette réservation n'a pas été validée : il n'y a rien à annuler.",
    not_undoable: 'Seules les validations faites à ce guichet peuvent être annulées ici.',
    not_cancellable: 'pass Culture refuse l’annulation : cette réservation ne peut plus être annulée.',
    auth_invalid: 'La clé API pass Culture est refusée : vérifiez-la dans les réglages.',
    provider_inactive: 'Le partenaire technique associé à cette clé est désactivé par pass Culture.',
    rate_limited: 'Trop de demandes envoyées à pass Culture : réessayez dans quelques secondes.',
    platform_unreachable: 'pass Culture est injoignable : vérifiez la connexion Internet.',
    platform_timeout: 'pass Culture ne répond pas (délai dépassé) : réessayez dans un instant.',
    platform_error: 'pass Culture a rencontré une erreur ({{status}}) : réessayez dans un instant.',
    platform_malformed: 'Réponse inattendue de pass Culture : réessayez ; si cela persiste, contactez le support.',
    demo_only: 'Disponible uniquement en mode démonstration.',
    internal: 'Erreur interne du guichet : {{detail}}',
  },
  verdict: {
    valid: 'Contremarque valide : vérifiez la pièce d’identité.',
    validated: 'Validée : {{places}}.',
    undone: 'Validation annulée : la contremarque peut être validée à nouveau.',
  },
  places_one: '{{count}} place',
  places_other: '{{count}} places',
} as const;
