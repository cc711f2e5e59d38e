/** Category labels shown to the manager are pass Culture's (compared with the OpenAPI document). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_CATEGORY_IDS, eventCategoryLabel } from '../../../shared/eventCategories';

const here = path.dirname(fileURLToPath(import.meta.url));
const openapi = JSON.parse(
  fs.readFileSync(path.resolve(here, '../../../../shared/platform/openapi-subset.json'), 'utf8'),
) as { components: { schemas: Record<string, { enum?: string[]; description?: string }> } };

describe('event category labels', () => {
  const schemas = openapi.components.schemas;
  const ids = schemas.EventCategoryEnum?.enum ?? [];

  it('cover every category of EventCategoryEnum, and no other', () => {
    expect(ids.length).toBeGreaterThan(20);
    expect([...EVENT_CATEGORY_IDS].sort()).toEqual([...ids].sort());
  });

  it('are the platform’s own wording of each category', () => {
    for (const id of ids) expect(eventCategoryLabel(id), id).toBe(schemas[`${id}_read`]?.description?.trim());
    expect(eventCategoryLabel('SEANCE_CINE')).toBe('Séance de cinéma');
  });

  it('show an unknown category by its id rather than nothing', () => {
    expect(eventCategoryLabel('NOUVELLE_CATEGORIE')).toBe('NOUVELLE_CATEGORIE');
  });
});
