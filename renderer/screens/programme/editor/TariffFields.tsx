/** A film's tariffs in the editor: name and price fields, each tariff changed in place, a new one, a séance's choice. */
import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { EditableOffer } from '../../../../shared/contract';
import { formatCents } from '../../../../shared/money';
import { amountText, checkedTariff, tariffChange, type CheckedTariff, type TariffChange } from './formValues';

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

interface TariffFormProps {
  tariff: TariffInput;
  testIds: { form?: string; label: string; price: string; submit: string };
  heading?: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => void;
}

/** A tariff on its own form (adding one, changing one): name, price, what is wrong with them, and one button. */
function TariffForm({ tariff, testIds, heading, submitLabel, canSubmit, onSubmit }: TariffFormProps) {
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

type Tariff = EditableOffer['priceCategories'][number];

interface TariffRowProps {
  tariff: Tariff;
  others: readonly Tariff[];
  /** Séances of the film on this tariff: they all take a new price. */
  seanceCount: number;
  busy: boolean;
  onSave: (change: TariffChange) => void;
}

/** One tariff of a film this key published: its label and price, changed in place; only what changed is sent. */
function TariffRow({ tariff, others, seanceCount, busy, onSave }: TariffRowProps) {
  const { t } = useTranslation('ui');
  const input = useTariffInput({ label: tariff.label, price: amountText(tariff.priceCents) }, others, tariff.id);
  const { check } = input;
  const change = tariffChange(tariff, check);
  return (
    <li className="tariff-editor__row" data-testid="tariff-row" data-price-category-id={tariff.id}>
      <TariffForm
        tariff={input}
        testIds={{ label: 'tariff-label-input', price: 'tariff-price-input', submit: 'tariff-save' }}
        submitLabel={t('programme_editor.save_tariff')}
        canSubmit={!busy && change !== null}
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

interface AddTariffFormProps {
  others: EditableOffer['priceCategories'];
  busy: boolean;
  /** Resolves true once pass Culture has the tariff: the form empties for the next one. */
  onAdd: (tariff: { label: string; priceCents: number }) => Promise<boolean>;
}

/** A new tariff for a film this key published: selectable for a séance as soon as pass Culture has it. */
function AddTariffForm({ others, busy, onAdd }: AddTariffFormProps) {
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
