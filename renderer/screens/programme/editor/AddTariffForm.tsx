import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { TariffForm } from './TariffForm';
import { useTariffInput } from './useTariffInput';

interface AddTariffFormProps {
  others: EditableOffer['priceCategories'];
  busy: boolean;
  /** Resolves true once pass Culture has the tariff: the form empties for the next one. */
  onAdd: (tariff: { label: string; priceCents: number }) => Promise<boolean>;
}

/** A new tariff for a film this key published: selectable for a séance as soon as pass Culture has it. */
export function AddTariffForm({ others, busy, onAdd }: AddTariffFormProps) {
  const { t } = useTranslation('ui');
  const input = useTariffInput({ label: '', price: '' }, others);
  const { check } = input;
  return (
    <TariffForm
      tariff={input}
      testIds={{
        form: 'add-tariff',
        label: 'new-tariff-label',
        price: 'new-tariff-price',
        submit: 'add-tariff-submit',
      }}
      heading={t('programme_editor.add_tariff')}
      submitLabel={t('programme_editor.add_tariff_submit')}
      canSubmit={!busy && check.ok}
      onSubmit={() => {
        if (!check.ok) return;
        void onAdd({ label: check.label, priceCents: check.priceCents }).then((added) => {
          if (added) input.reset();
        });
      }}
    />
  );
}
