import { useTranslation } from 'react-i18next';
import type { Ambiguity } from './useCounterScans';
import './scanQuestion.css';

interface AmbiguousScanPanelProps {
  ambiguity: Ambiguity;
  onPick: (token: string) => void;
}

/**
 * A scan that reads as several codes, none of them provably the one: the cashier compares with the six
 * characters printed under the beneficiary's QR code and picks. Nothing is looked up until then.
 */
export function AmbiguousScanPanel({ ambiguity, onPick }: AmbiguousScanPanelProps) {
  const { t } = useTranslation('ui');
  if (ambiguity.status === 'checking') {
    return (
      <p className="pending-notice" data-testid="scan-checking" role="status">
        <span className="pending-notice__spinner" aria-hidden="true" />
        {t('scanner.ambiguous.checking')}
      </p>
    );
  }
  const found = ambiguity.existing.length;
  return (
    <section className="scan-question" data-testid="scan-question" aria-labelledby="scan-question-title">
      <h2 className="scan-question__title" id="scan-question-title">
        {t('scanner.ambiguous.title')}
      </h2>
      <p className="scan-question__text">
        {found === 0 ? t('scanner.ambiguous.none_exist') : found > 1 ? t('scanner.ambiguous.several_exist') : ''}{' '}
        {t('scanner.ambiguous.question')}
      </p>
      <ul className="scan-question__choices">
        {ambiguity.candidates.map((token) => {
          const state = ambiguity.existing.includes(token)
            ? 'exists'
            : ambiguity.unchecked.includes(token)
              ? 'unchecked'
              : 'absent';
          return (
            <li key={token}>
              <button
                type="button"
                className={`scan-question__choice scan-question__choice--${state}`}
                data-testid="scan-choice"
                onClick={() => onPick(token)}
              >
                <span className="scan-question__token">{token}</span>
                <span className="scan-question__state">{t(`scanner.ambiguous.state.${state}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="scan-question__hint">{t('scanner.ambiguous.calibrate_hint')}</p>
    </section>
  );
}
