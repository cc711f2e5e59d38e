/**
 * Static material of the seed: the offerer and its cinema, the week's films, tariffs and the names the
 * beneficiaries are drawn from. Invented, but shaped like a real art-house cinema's programme.
 */

export const OFFERER = {
  id: 1,
  name: 'Cinémas du Méliès SAS',
  siren: '832654909',
  createdAt: Date.parse('2021-05-17T09:12:44Z'),
};

export const VENUE = {
  id: 1,
  legalName: 'Cinéma Le Méliès',
  publicName: 'Le Méliès — Cinéma d’art et d’essai',
  siret: '83265490900015',
  address: '24 rue de la Fontaine-au-Roi',
  city: 'Paris',
  postalCode: '75011',
  departmentCode: '75',
  bookingEmail: 'billetterie@cinema-lemelies.example',
  createdAt: Date.parse('2021-05-17T09:20:03Z'),
};

export interface FilmSeed {
  name: string;
  description: string;
  durationMinutes: number;
  isDuo: boolean;
  stageDirector: string;
  author: string;
  visa: string;
}

export const FILMS: readonly FilmSeed[] = [
  {
    name: 'Les Heures claires',
    description:
      'À Lyon, une infirmière de nuit se lie d’amitié avec un vieil horloger insomniaque. Un drame lumineux sur ' +
      'ceux qui veillent quand la ville dort.',
    durationMinutes: 108,
    isDuo: true,
    stageDirector: 'Camille Rossignol',
    author: 'Camille Rossignol, Étienne Barrault',
    visa: '158342',
  },
  {
    name: 'Le Dernier Été à Kerlouan',
    description:
      'Trois cousins se retrouvent dans la maison familiale du Finistère avant sa vente. Comédie douce-amère, ' +
      'crêpes brûlées et marées d’équinoxe.',
    durationMinutes: 97,
    isDuo: true,
    stageDirector: 'Yann Le Bihan',
    author: 'Yann Le Bihan',
    visa: '159017',
  },
  {
    name: 'Nuit fauve',
    description:
      'Marseille, une nuit de mistral : une chauffeuse de VTC embarque le mauvais passager. Thriller tendu, ' +
      'presque en temps réel.',
    durationMinutes: 112,
    isDuo: true,
    stageDirector: 'Sofiane Belkacem',
    author: 'Sofiane Belkacem, Inès Garnier',
    visa: '157886',
  },
  {
    name: 'La Fabrique des nuages',
    description:
      'Zélie, neuf ans, découvre que les nuages du village sont tricotés à la main dans une usine secrète. ' +
      'Film d’animation pour toute la famille.',
    durationMinutes: 84,
    isDuo: true,
    stageDirector: 'Mathilde Ferrand',
    author: 'Mathilde Ferrand, Hugo Lelièvre',
    visa: '160254',
  },
  {
    name: 'Sous les pavés, l’océan',
    description:
      'Un professeur de SVT parisien décide de faire construire une piscine olympique dans sa cour d’immeuble. ' +
      'Comédie populaire.',
    durationMinutes: 95,
    isDuo: true,
    stageDirector: 'Bastien Morel',
    author: 'Bastien Morel, Chloé Vasseur',
    visa: '159661',
  },
  {
    name: 'L’Odyssée de Zoé',
    description:
      'Une lycéenne de Besançon traverse l’Europe à vélo pour rendre un carnet à son auteur. Road-movie ' +
      'initiatique.',
    durationMinutes: 101,
    isDuo: true,
    stageDirector: 'Anaïs Bérard',
    author: 'Anaïs Bérard',
    visa: '158990',
  },
  {
    name: 'Ceux qui restent',
    description:
      'Documentaire : une année dans le dernier café d’un village de la Creuse, entre fermetures de classe et ' +
      'fêtes de la Saint-Jean.',
    durationMinutes: 89,
    isDuo: false,
    stageDirector: 'Noël Hérault',
    author: 'Noël Hérault',
    visa: '160512',
  },
  {
    name: 'Mémoires d’une forêt',
    description:
      'Documentaire contemplatif : quatre saisons dans la forêt de Tronçais, racontées par ceux qui la ' +
      'soignent. Version originale sous-titrée.',
    durationMinutes: 78,
    isDuo: false,
    stageDirector: 'Maëlle Ngô',
    author: 'Maëlle Ngô, Jérôme Le Goff',
    visa: '160733',
  },
];

/**
 * `GET /public/offers/v1/events/categories` (EventCategoryResponse): the cinema categories, with pcapi's pro labels
 * (`core/categories/subcategories.py`) and the `categoryRelatedFields` each takes (none of them mandatory).
 */
export const EVENT_CATEGORIES = [
  { id: 'SEANCE_CINE', label: 'Séance de cinéma' },
  { id: 'EVENEMENT_CINE', label: 'Événement cinématographique' },
  { id: 'FESTIVAL_CINE', label: 'Festival de cinéma' },
  { id: 'CINE_PLEIN_AIR', label: 'Cinéma plein air' },
].map((category) => ({ ...category, conditionalFields: { author: false, visa: false, stageDirector: false } }));

/** Tariffs of every film, in cents, with the seats each séance offers to pass Culture at that tariff. */
export const TARIFFS = [
  { label: 'Plein tarif', price: 900, seats: 10 },
  { label: 'Tarif réduit', price: 700, seats: 12 },
  { label: 'Moins de 26 ans', price: 550, seats: 24 },
] as const;

/** Usual start times (Paris); each day has the four fixed ones plus one of the extras. */
export const FIXED_SLOTS = ['14:00', '16:30', '18:45', '21:00'] as const;
export const EXTRA_SLOTS = ['11:00', '13:30', '20:15'] as const;

// prettier-ignore
export const FIRST_NAMES = [
  'Élodie', 'Anaïs', 'Noël', 'Chloé', 'Loïc', 'Jérôme', 'Maëlle', 'Hélène', 'Zoé', 'Françoise',
  'Inès', 'Théo', 'Léa', 'Mathéo', 'Gaëlle', 'Rémi', 'Clémence', 'Yanis', 'Océane', 'Maël',
  'Adèle', 'Joël', 'Bérénice', 'Ilyès', 'Nolwenn', 'Aurélien', 'Mélissa', 'Kévin', 'Léna', 'Aïcha',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Lefèvre', 'Bérard', 'Ngô', 'Hérault', 'Da Silva', 'Le Goff', 'Martin', 'Dubois', 'Moreau', 'Girard',
  'Fournier', 'Mercier', 'Lemaître', 'Benoît', 'Diallo', 'Traoré', 'Rousseau', 'Chevalier', 'Gauthier', 'Perrin',
  'Lambert', 'Faure', 'Rivière', 'Ben Saïd', 'D’Almeida', 'Nguyễn', 'Kowalski', 'Leroy', 'Müller', 'Évrard',
] as const;

// prettier-ignore
export const POSTAL_CODES = [
  '75011', '75020', '75012', '75019', '75010', '75018', '93100', '93170', '94300', '92130', '93260', '75005',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** Characters of today's tokens (no I, O, 0, 1, 8, 9). */
export const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ234567';
