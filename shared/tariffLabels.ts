/**
 * When two tariff labels of one film are the same tariff. The platform only refuses a second tariff with the same
 * label AND price (pcapi `check_for_duplicated_price_categories`); the counter is stricter, because a séance, a
 * verdict and an entry slip name a tariff by its label alone: "Tarif réduit" and "tarif reduit" would not be told
 * apart at the desk.
 */

function comparable(label: string): string {
  return label.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}

/** The film's other tariff that already has this label (case, accents and spacing aside), if any. */
export function tariffWithLabel<T extends { id: number; label: string }>(
  tariffs: readonly T[],
  label: string,
  exceptId?: number,
): T | undefined {
  const wanted = comparable(label);
  return tariffs.find((tariff) => tariff.id !== exceptId && comparable(tariff.label) === wanted);
}
