/**
 * The French label of an event category, as pass Culture words it (`EventCategoryResponse.label` of
 * `GET /public/offers/v1/events/categories`, and the description of each `<CATEGORY>_read` schema of
 * shared/platform/openapi-subset.json, which a test compares with this table). A cinema's films are
 * "Séance de cinéma"; the other cinema categories show up on films made on the pro site.
 */
const LABELS: Record<string, string> = {
  ACTIVATION_EVENT: "Catégorie technique d'évènement d'activation",
  ATELIER_PRATIQUE_ART: 'Atelier, stage de pratique artistique',
  CINE_PLEIN_AIR: 'Cinéma plein air',
  CONCERT: 'Concert',
  CONCOURS: 'Concours - jeux',
  CONFERENCE: 'Conférence',
  DECOUVERTE_METIERS: 'Découverte des métiers',
  EVENEMENT_CINE: 'Évènement cinématographique',
  EVENEMENT_JEU: 'Évènements - jeux',
  EVENEMENT_MUSIQUE: "Autre type d'évènement musical",
  EVENEMENT_PATRIMOINE: 'Évènement et atelier patrimoine',
  FESTIVAL_ART_VISUEL: "Festival d'arts visuels / arts numériques",
  FESTIVAL_CINE: 'Festival de cinéma',
  FESTIVAL_LIVRE: 'Festival et salon du livre',
  FESTIVAL_MUSIQUE: 'Festival de musique',
  FESTIVAL_SPECTACLE: 'Festival de spectacle vivant',
  LIVESTREAM_EVENEMENT: "Livestream d'évènement",
  LIVESTREAM_MUSIQUE: 'Livestream musical',
  LIVESTREAM_PRATIQUE_ARTISTIQUE: 'Pratique artistique - livestream',
  RENCONTRE_EN_LIGNE: 'Rencontre en ligne',
  RENCONTRE_JEU: 'Rencontres - jeux',
  RENCONTRE: 'Rencontre',
  SALON: 'Salon, Convention',
  SEANCE_CINE: 'Séance de cinéma',
  SEANCE_ESSAI_PRATIQUE_ART: "Séance d'essai",
  SPECTACLE_REPRESENTATION: 'Spectacle, représentation',
  VISITE_GUIDEE: 'Visite guidée',
  VISITE: 'Visite libre',
};

/** The category films published by this counter get. */
export const CINEMA_CATEGORY = 'SEANCE_CINE';

/** The label of a category id; a category this table does not know yet is shown by its id. */
export function eventCategoryLabel(id: string): string {
  return LABELS[id] ?? id;
}

export const EVENT_CATEGORY_IDS = Object.keys(LABELS);
