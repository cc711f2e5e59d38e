import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { formatCents } from '../../../../shared/money';
import { AddTariffForm } from './AddTariffForm';
import { TariffRow, type TariffChange } from './TariffRow';

interface TariffsSectionProps {
  offer: EditableOffer;
  busy: boolean;
  onAdd: (tariff: { label: string; priceCents: number }) => Promise<boolean>;
  onUpdate: (priceCategoryId: number, change: TariffChange) => void;
}

/** A film's tariffs: changed and added here when this key published the film, listed otherwise. */
export function TariffsSection({ offer, busy, onAdd, onUpdate }: TariffsSectionProps) {
  const { t } = useTranslation('ui');
  const seancesOn = (priceCategoryId: number) =>
    offer.seances.filter((seance) => seance.priceCategoryId === priceCategoryId).length;
  return (
    <section className="tariff-editor" data-testid="tariffs">
      <h3>{t('programme_editor.tariffs_title')}</h3>
      <ul className="tariff-editor__list">
        {offer.priceCategories.map((tariff) =>
          offer.managed ? (
            // Keyed on the values too: the row starts again from what pass Culture now has.
            <TariffRow
              key={`${tariff.id}-${tariff.label}-${tariff.priceCents}`}
              tariff={tariff}
              others={offer.priceCategories}
              seanceCount={seancesOn(tariff.id)}
              busy={busy}
              onSave={(change) => onUpdate(tariff.id, change)}
            />
          ) : (
            <li key={tariff.id} data-testid="tariff-row" data-price-category-id={tariff.id}>
              {t('programme_editor.tariff', { label: tariff.label, price: formatCents(tariff.priceCents) })}
            </li>
          ),
        )}
      </ul>
      {offer.managed && <AddTariffForm others={offer.priceCategories} busy={busy} onAdd={onAdd} />}
    </section>
  );
}
