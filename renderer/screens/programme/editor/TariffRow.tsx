import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { amountText } from './formValues';
import { TariffForm } from './TariffForm';
import { useTariffInput } from './useTariffInput';

type Tariff = EditableOffer['priceCategories'][number];
export type TariffChange = { label?: string | undefined; priceCents?: number | undefined };

interface TariffRowProps {
  tariff: Tariff;
  others: readonly Tariff[];
  /** Séances of the film on this tariff: they all take a new price. */
  seanceCount: number;
  busy: boolean;
  onSave: (change: TariffChange) => void;
}

/** One tariff of a film this key published: its label and price, changed in place; only what changed is sent. */
export function TariffRow({ tariff, others, seanceCount, busy, onSave }: TariffRowProps) {
  const { t } = useTranslation('ui');
  const input = useTariffInput({ label: tariff.label, price: amountText(tariff.priceCents) }, others, tariff.id);
  const { check } = input;
  const change: TariffChange | null = check.ok
    ? {
        label: check.label !== tariff.label ? check.label : undefined,
        priceCents: check.priceCents !== tariff.priceCents ? check.priceCents : undefined,
      }
    : null;
  const isChanged = change !== null && (change.label !== undefined || change.priceCents !== undefined);
  return (
    <li className="tariff-editor__row" data-testid="tariff-row" data-price-category-id={tariff.id}>
      <TariffForm
        tariff={input}
        testIds={{ label: 'tariff-label-input', price: 'tariff-price-input', submit: 'tariff-save' }}
        submitLabel={t('programme_editor.save_tariff')}
        canSubmit={!busy && isChanged}
        onSubmit={() => {
          if (change) onSave(change);
        }}
      />
      {seanceCount > 0 && (
        <p className="tariff-editor__hint">{t('programme_editor.tariff_used', { count: seanceCount })}</p>
      )}
    </li>
  );
}
