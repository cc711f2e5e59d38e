import { TariffFields } from './TariffFields';
import type { TariffInput } from './useTariffInput';

interface TariffFormProps {
  tariff: TariffInput;
  testIds: { form?: string; label: string; price: string; submit: string };
  heading?: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => void;
}

/** A tariff on its own form (adding one, changing one): name, price, what is wrong with them, and one button. */
export function TariffForm({ tariff, testIds, heading, submitLabel, canSubmit, onSubmit }: TariffFormProps) {
  return (
    <form
      className="tariff-form"
      data-testid={testIds.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit) onSubmit();
      }}
    >
      {heading && <h4>{heading}</h4>}
      <TariffFields tariff={tariff} showProblem={tariff.isChanged} testIds={testIds} />
      <button type="submit" className="button button--secondary" data-testid={testIds.submit} disabled={!canSubmit}>
        {submitLabel}
      </button>
    </form>
  );
}
