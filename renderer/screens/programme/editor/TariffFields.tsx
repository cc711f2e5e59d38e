import { useTranslation } from 'react-i18next';
import type { TariffInput } from './useTariffInput';

interface TariffFieldsProps {
  tariff: TariffInput;
  /** Says what is wrong (empty label, price, label already used) once the manager has typed something. */
  showProblem: boolean;
  testIds: { label: string; price: string };
}

/** A tariff's name and price (€), as publishing a film, adding a tariff and changing one all ask them. */
export function TariffFields({ tariff, showProblem, testIds }: TariffFieldsProps) {
  const { t } = useTranslation('ui');
  const { check } = tariff;
  // An empty price is still being typed, not a wrong one: the disabled button says enough.
  const isPriceUntyped = tariff.price.trim() === '';
  const problem = check.ok || !showProblem || (check.problem === 'price_invalid' && isPriceUntyped) ? null : check;
  return (
    <>
      <label>
        {t('programme_editor.tariff_name_label')}
        <input
          data-testid={testIds.label}
          maxLength={50}
          value={tariff.label}
          onChange={(event) => tariff.setLabel(event.target.value)}
        />
      </label>
      <label>
        {t('programme_editor.tariff_price_label')}
        <input
          data-testid={testIds.price}
          inputMode="decimal"
          value={tariff.price}
          onChange={(event) => tariff.setPrice(event.target.value)}
        />
      </label>
      {problem && (
        <p role="alert" className="form-problem" data-testid="tariff-problem">
          {t(`programme_editor.tariff_problem.${problem.problem}`, { label: problem.takenLabel ?? '' })}
        </p>
      )}
    </>
  );
}
