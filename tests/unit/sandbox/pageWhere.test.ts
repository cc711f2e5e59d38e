import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { page, pageWhere } from '../../../electron/sandbox/routes/params';

describe('pageWhere', () => {
  it('is the page of the filtered list, whatever the order, cursor, limit and filter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 })),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (ids, firstIndex, limit, modulo) => {
          const items = ids.map((id) => ({ id }));
          const keep = (item: { id: number }) => item.id % modulo === 0;
          expect(pageWhere(items, firstIndex, limit, keep)).toEqual(page(items.filter(keep), firstIndex, limit));
        },
      ),
    );
  });
});
