import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../context/coreContext';
import '../screens/printing/printing.css';

/** Ledger outcomes of a validation that let someone in: those have an entry slip to reprint. */
const ENTRY_OUTCOMES = ['validated', 'provisional'];

export function hasEntrySlip(row: { kind: string; outcome: string }): boolean {
  return row.kind === 'validation' && ENTRY_OUTCOMES.includes(row.outcome);
}

/** "Réimprimer": a new slip for this entry (marked DUPLICATA if one already came out), queued for the printer. */
export function ReprintButton({ ledgerId, token }: { ledgerId: number; token: string }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'sent' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  async function reprint(): Promise<void> {
    setState({ kind: 'busy' });
    const envelope = await api.call('printer.reprint', { ledgerId });
    setState(envelope.ok ? { kind: 'sent' } : { kind: 'error', message: envelope.error.message });
  }

  return (
    <span className="reprint-cell">
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="reprint-button"
        aria-label={t('printing.reprint.label', { token })}
        disabled={state.kind === 'busy'}
        onClick={() => void reprint()}
      >
        {t('printing.reprint.button')}
      </button>
      {state.kind === 'sent' && (
        <span className="reprint-note" role="status">
          {t('printing.reprint.sent')}
        </span>
      )}
      {state.kind === 'error' && (
        <span className="reprint-note reprint-note--error" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}
