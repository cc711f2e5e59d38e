import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { formatCents } from '../../../../shared/money';

interface TariffSelectProps {
  tariffs: EditableOffer['priceCategories'];
  value: number;
  onChange: (priceCategoryId: number) => void;
  testId: string;
}

/** The tariff of a séance, among the film's tariffs (label and price). */
export function TariffSelect({ tariffs, value, onChange, testId }: TariffSelectProps) {
  const { t } = useTranslation('ui');
  return (
    <label>
      {t('programme_editor.tariff_label')}
      <select data-testid={testId} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {tariffs.map((pc) => (
          <option key={pc.id} value={pc.id}>
            {t('programme_editor.tariff', { label: pc.label, price: formatCents(pc.priceCents) })}
          </option>
        ))}
      </select>
    </label>
  );
}
