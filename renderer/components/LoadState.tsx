import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import type { Envelope } from '../../shared/contract';

interface LoadStateProps<T> {
  /** The answer from the core (`useLoadedEnvelope`), null until the first one. */
  envelope: Envelope<T> | null;
  /** Offered with the error ("Réessayer"); without it the error stands alone. */
  onRetry?: () => void;
  /** Said while the first answer is awaited; nothing by default (the screen keeps its place). */
  loadingText?: string;
  /** The error's look: `screen-error` by default for a block, none for a line. */
  errorClassName?: string;
  /** `line`: the message alone in a paragraph, inside a panel or a dialog. */
  errorLayout?: 'block' | 'line';
  /** What the screen shows once the core has answered. */
  children: (value: T) => ReactNode;
}

/**
 * Loading, failed (the core's French message, and a retry), or ready: the three states of a screen's data, said
 * the same way everywhere. An answer being refreshed stays on screen (`aria-busy` on the screen says so).
 */
export function LoadState<T>(props: LoadStateProps<T>) {
  const { t } = useTranslation('ui');
  const { envelope, onRetry } = props;
  if (!envelope) return props.loadingText ? <p className="screen-empty">{props.loadingText}</p> : null;
  if (envelope.ok) return props.children(envelope.value);
  if (props.errorLayout === 'line') {
    return (
      <p className={props.errorClassName} role="alert">
        {envelope.error.message}
      </p>
    );
  }
  return (
    <div className={props.errorClassName ?? 'screen-error'} role="alert">
      <p>{envelope.error.message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
