/** The platform's refusals of programme writes, as the manager reads them (wordings from pcapi, see refusal.ts). */
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/core/contractFailure';
import { PlatformError } from '../../../electron/core/platform/errors';
import type { RequestContext } from '../../../electron/core/programme/fieldErrors';
import { explainRefusal } from '../../../electron/core/programme/refusal';

function explained(status: number, body: unknown, context: RequestContext = {}): ContractFailure {
  try {
    explainRefusal(new PlatformError('platform_error', { status, body }), context);
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('explainRefusal returned');
}

describe('refusals explained', () => {
  it('a second tariff of the same label and price names the tariff the film already has', () => {
    const failure = explained(400, { priceCategories: ['The price category Tarif réduit already exists'] });
    expect(failure.code).toBe('price_category_duplicate');
    expect(failure.message).toBe('Ce film a déjà un tarif « Tarif réduit » : choisissez un autre nom.');
  });

  it('a tariff of an imported film is not editable through the API', () => {
    expect(explained(400, { global: ['Les offres importées ne sont pas modifiables'] }).code).toBe(
      'offer_not_editable',
    );
  });

  it('a séance that has begun, or its tariff, says what to do instead', () => {
    const failure = explained(400, { global: ['Les évènements passés ne sont pas modifiables'] });
    expect(failure.code).toBe('platform_refused');
    expect(failure.message).toMatch(/ajoutez un nouveau tarif et choisissez-le pour elles/);
  });

  it('an unknown tariff reads as gone; any other refusal names the field in French', () => {
    expect(explained(404, { price_category_id: ['No price category could be found'] }).code).toBe('offer_unknown');
    const other = explained(400, { 'priceCategories.0.label': ['String should have at least 1 character'] });
    expect(other.code).toBe('platform_refused');
    expect(other.message).toBe('pass Culture a refusé l’envoi. Nom du tarif n° 1 : ne peut pas être vide.');
  });

  it('a séance in the past, as the backend answers it, is said in French with its day and time', () => {
    const failure = explained(
      400,
      { 'dates.0.beginningDatetime': ['The datetime must be in the future.'] },
      { seances: ['du 11/06/2026 à 20:30'] },
    );
    expect(failure.code).toBe('platform_refused');
    expect(failure.message).toBe(
      'pass Culture a refusé l’envoi. Début de la séance du 11/06/2026 à 20:30 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir.',
    );
    expect(failure.message).not.toMatch(/datetime|future/);
  });
});

describe('every 400 field error of the offer routes gets a French sentence naming the field', () => {
  // Bodies as pcapi answers them (its tests), pydantic 1 wordings on the public API and pydantic 2 ones.
  const cases: [Record<string, string[] | string>, string][] = [
    [{ name: ['ensure this value has at most 90 characters'] }, 'Titre : 90 caractères au plus.'],
    [{ name: ['String should have at most 140 characters'] }, 'Titre : 140 caractères au plus.'],
    [{ name: ['ensure this value has at least 1 characters'] }, 'Titre : ne peut pas être vide.'],
    [{ description: ['ensure this value has at most 10000 characters'] }, 'Description : 10000 caractères au plus.'],
    [
      {
        eventDuration: [
          'The duration must be under 1440 minutes (24 hours). For events lasting 24 hours or more (e.g., a 3-day festival pass), please leave this field empty.',
        ],
      },
      'Durée : pass Culture demande une durée de moins de 24 heures (1 439 minutes au plus) ; pour un évènement plus long, laissez la durée vide.',
    ],
    [
      {
        videoUrl: [
          "Your video must be from the Youtube plateform, it should be public and should not be a short nor a user's profile",
        ],
      },
      'Bande-annonce : pass Culture accepte seulement le lien d’une vidéo YouTube publique (par exemple https://www.youtube.com/watch?v=…), ni un « short », ni une chaîne.',
    ],
    [
      {
        videoUrl: ['This video cannot be found on youtube. It is most likely a private video. Please check your URL.'],
      },
      'Bande-annonce : vidéo introuvable sur YouTube, sans doute privée : vérifiez le lien.',
    ],
    [
      { videoUrl: ['invalid or missing URL scheme'] },
      'Bande-annonce : adresse web invalide : elle doit commencer par https://.',
    ],
    [
      { imageFile: 'Bad image ratio: expected 0.66, found 1.5' },
      'Affiche : pass Culture demande une affiche en portrait au format 2:3 (par exemple 600 × 900).',
    ],
    [
      { imageFile: 'The image is too small. It must be above 400x600 pixels.' },
      'Affiche : image trop petite, pass Culture demande au moins 400 × 600 pixels.',
    ],
    [{ imageFile: ['The value must be a valid base64 string.'] }, 'Affiche : ce fichier n’est pas une image lisible.'],
    [
      { 'dates.1.bookingLimitDatetime': ['The datetime must be in the future.'] },
      'Limite de réservation de la séance n° 2 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir.',
    ],
    [
      { 'dates.0.beginningDatetime': ['The datetime must be timezone-aware.'] },
      'Début de la séance n° 1 : la date doit préciser son fuseau horaire (défaut du guichet : signalez-le au support).',
    ],
    [
      { 'dates.1.priceCategoryId': ['The price category could not be found'] },
      'Tarif de la séance n° 2 : tarif introuvable sur pass Culture (supprimé entre-temps ?) : rouvrez le film.',
    ],
    [{ dates: ['ensure this value has at most 2500 items'] }, 'Séances : 2500 éléments au plus.'],
    [
      { dates: ['The maximum number of stock entries allowed per offer is 2500'] },
      'Séances : ce film a déjà le maximum de 2500 séances.',
    ],
    [{ 'dates.0.quantity': ['Input should be greater than or equal to 0'] }, 'Places de la séance n° 1 : 0 au moins.'],
    [
      { quantity: ['Le stock total ne peut être inférieur au nombre de réservations'] },
      'Places de la séance : Le stock total ne peut être inférieur au nombre de réservations.',
    ],
    [
      { 'priceCategories.0.price': ['ensure this value is less than or equal to 30000'] },
      'Prix du tarif n° 1 : 30000 au plus.',
    ],
    [{ priceCategories: ['Price categories must be unique'] }, 'Tarifs : deux tarifs ont le même nom et le même prix.'],
    [
      { withdrawalDetails: ['extra fields not permitted'] },
      'Champ « withdrawalDetails » : champ inconnu de pass Culture (défaut du guichet : signalez-le au support).',
    ],
    [{ 'location.PhysicalLocation.venueId': ['field required'] }, 'Lieu : à renseigner, pass Culture le demande.'],
    [
      { 'categoryRelatedFields.category': ['The category cannot be changed'] },
      'Catégorie : la catégorie d’un film ne change pas.',
    ],
    [
      {
        global: ['You cannot create an event with `has_ticket=true` because you dont have a ticketing service enabled'],
      },
      'Refusé par pass Culture (« You cannot create an event with `has_ticket=true` because you dont have a ticketing service enabled »).',
    ],
    [{ name: ['some brand new rule'] }, 'Titre : refusé par pass Culture (« some brand new rule »).'],
  ];

  it.each(cases)('%j', (body, sentence) => {
    const failure = explained(400, body);
    expect(failure.code).toBe('platform_refused');
    expect(failure.message).toBe(`pass Culture a refusé l’envoi. ${sentence}`);
  });

  it('names the tariff sent when a tariff of a new film is refused', () => {
    const failure = explained(
      400,
      { 'priceCategories.1.label': ['ensure this value has at most 50 characters'] },
      {
        tariffs: ['Plein', 'Réduit'],
      },
    );
    expect(failure.message).toBe('pass Culture a refusé l’envoi. Nom du tarif « Réduit » : 50 caractères au plus.');
  });

  it('says every field of a body with several, and something even for an empty one', () => {
    const failure = explained(400, { name: ['field required'], eventDuration: ['value is not a valid integer'] });
    expect(failure.message).toBe(
      'pass Culture a refusé l’envoi. Titre : à renseigner, pass Culture le demande. Durée : un nombre entier est attendu.',
    );
    expect(explained(400, {}).message).toBe(
      'pass Culture a refusé l’envoi. pass Culture n’a pas dit pourquoi : vérifiez la fiche, puis réessayez.',
    );
  });
});

describe('the OpenAPI document’s ValidationError body, as the manager reads it', () => {
  it('names each field of its list in French, the location (`body`) left out', () => {
    const failure = explained(
      422,
      [
        { loc: ['body', 'dates', '0', 'beginningDatetime'], msg: 'The datetime must be in the future.', type: 'x' },
        { loc: ['body', 'name'], msg: 'String should have at most 140 characters', type: 'string_too_long' },
      ],
      { seances: ['du 11/06/2026 à 20:30'] },
    );
    expect(failure.code).toBe('platform_refused');
    expect(failure.message).toBe(
      'pass Culture a refusé l’envoi. Début de la séance du 11/06/2026 à 20:30 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir. Titre : 140 caractères au plus.',
    );
  });

  it('a blank reason falls back on its type, else says none was given, never an empty quotation', () => {
    expect(explained(422, [{ loc: ['body', 'name'], msg: ' ', type: 'missing' }]).message).toBe(
      'pass Culture a refusé l’envoi. Titre : à renseigner, pass Culture le demande.',
    );
    expect(explained(422, [{ loc: ['body', 'name'], msg: '', type: '' }]).message).toBe(
      'pass Culture a refusé l’envoi. Titre : refusé par pass Culture, sans motif donné.',
    );
  });

  it('a field named like a member of Object is named as any unknown field, not a TypeError', () => {
    expect(explained(400, { toString: ['field required'] }).message).toBe(
      'pass Culture a refusé l’envoi. Champ « toString » : à renseigner, pass Culture le demande.',
    );
    expect(explained(422, [{ loc: ['constructor'], msg: 'x', type: 'y' }]).message).toBe(
      'pass Culture a refusé l’envoi. Champ « constructor » : refusé par pass Culture (« x »).',
    );
  });
});
