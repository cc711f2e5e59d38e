import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { useApi } from '../../../context/coreContext';

/** Back to the sandbox; asks once more, since the counter then stops working for real bookings. */
export function DemoSwitch({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [eraseData, setEraseData] = useState(false);

  async function switchToDemo(): Promise<void> {
    setIsBusy(true);
    setError(null);
    const envelope = await api
      .call('account.useDemo', { eraseData })
      .catch((failure: unknown) => ({ ok: false, error: { code: 'internal', message: String(failure) } }) as const);
    setIsBusy(false);
    setIsConfirming(false);
    if (envelope.ok) onDone();
    else setError(envelope.error);
  }

  return (
    <div className="demo-switch">
      {!isConfirming ? (
        <button
          type="button"
          className="button button--secondary"
          data-testid="account-use-demo"
          onClick={() => setIsConfirming(true)}
        >
          {t('account.use_demo')}
        </button>
      ) : (
        <div className="demo-switch__confirm" role="group" aria-labelledby="demo-switch-question">
          <p id="demo-switch-question">{t('account.use_demo_question')}</p>
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="account-erase-data"
              checked={eraseData}
              onChange={(event) => setEraseData(event.target.checked)}
            />
            {t('account.erase_data_label')}
          </label>
          <button type="button" className="button button--secondary" autoFocus onClick={() => setIsConfirming(false)}>
            {t('account.use_demo_cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="account-use-demo-confirm"
            disabled={isBusy}
            onClick={() => void switchToDemo()}
          >
            {t('account.use_demo_confirm')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-error-code={error.code}>
          {error.message}
        </p>
      )}
    </div>
  );
}
