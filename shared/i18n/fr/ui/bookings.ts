/** Réservations: the search, a séance and its bookings. Namespace `ui`; interpolation: `{{name}}`. */
export const frBookingsUi = {
  bookings: {
    title: 'Réservations',
    open_programme: 'Programme',
    search_label: 'Rechercher un nom',
    search_placeholder: 'Nom ou prénom',
    scope_label: 'Où chercher',
    scope: { seance: 'Cette séance', all: 'Toutes les réservations' },
    no_seance_hint:
      'Choisissez une séance dans le Programme pour voir qui est attendu et qui est venu, ou cherchez un nom dans toutes les réservations.',
    type_a_name:
      'Tapez un nom ou un prénom, sans vous soucier des accents ni des majuscules, pour chercher parmi toutes les réservations connues de ce poste.',
    no_match: 'Aucune réservation à ce nom.',
    empty_seance: 'Aucune réservation pass Culture pour cette séance.',
    filter_label: 'Filtrer par statut',
    filter: { all: 'Tous', expected: 'À venir', came: 'Venus', cancelled: 'Annulées' },
    caption: 'Réservations pass Culture',
    column: {
      name: 'Nom',
      token: 'Contremarque',
      places: 'Places',
      tariff: 'Tarif',
      film: 'Film',
      seance: 'Séance',
      status: 'Statut',
    },
    no_token: '—',
    no_value: '—',
  },
} as const;
