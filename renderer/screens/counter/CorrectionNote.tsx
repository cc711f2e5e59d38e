import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';

/**
 * pass Culture's answer differs from the verdict shown first from this counter's mirror (local first): said in
 * words at the top of the panel, in a banner that blinks a few times, so a green turned red cannot go unseen.
 */
export function CorrectionNote({ from, to }: { from: NonNullable<Verdict['correctedFrom']>; to: Verdict['kind'] }) {
  const { t } = useTranslation('ui');
  const key = from === 'valid' || from === 'other_seance' ? 'verdict.corrected_was_admittable' : 'verdict.corrected';
  return (
    <p
      className={`verdict__correction verdict__correction--${to}`}
      data-testid="verdict-correction"
      data-from={from}
      role="alert"
    >
      {t(key)}
    </p>
  );
}
