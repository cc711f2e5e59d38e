/** The platform's refusals of programme writes, as the manager reads them (wordings from pcapi, see refusal.ts). */
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/core/contractFailure';
import { PlatformError } from '../../../electron/core/platform/errors';
import { explainRefusal } from '../../../electron/core/programme/refusal';

function explained(status: number, body: unknown): ContractFailure {
  try {
    explainRefusal(new PlatformError('platform_error', { status, body }));
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

  it('an unknown tariff reads as gone; any other refusal keeps the platform’s reasons', () => {
    expect(explained(404, { price_category_id: ['No price category could be found'] }).code).toBe('offer_unknown');
    const other = explained(400, { 'priceCategories.0.label': ['String should have at least 1 character'] });
    expect(other.code).toBe('platform_refused');
    expect(other.message).toContain('priceCategories.0.label : String should have at least 1 character');
  });
});
