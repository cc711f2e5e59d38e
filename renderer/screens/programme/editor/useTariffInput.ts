import { useState } from 'react';
import { checkedTariff, type CheckedTariff } from './formValues';

export interface TariffInput {
  label: string;
  price: string;
  setLabel: (text: string) => void;
  setPrice: (text: string) => void;
  check: CheckedTariff;
  /** Something differs from what the form started with. */
  isChanged: boolean;
  reset: () => void;
}

/** A tariff's label and price as typed, checked against the film's other tariffs (`exceptId`: the one edited). */
export function useTariffInput(
  initial: { label: string; price: string },
  others: readonly { id: number; label: string }[],
  exceptId?: number,
): TariffInput {
  const [label, setLabel] = useState(initial.label);
  const [price, setPrice] = useState(initial.price);
  return {
    label,
    price,
    setLabel,
    setPrice,
    check: checkedTariff(label, price, others, exceptId),
    isChanged: label !== initial.label || price !== initial.price,
    reset() {
      setLabel(initial.label);
      setPrice(initial.price);
    },
  };
}
