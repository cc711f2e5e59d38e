import { useTranslation } from 'react-i18next';
import type { ForeignCode } from '../../../shared/foreignCode';

/** Not a countermark: what it most likely is (a ticketing system's ticket, a product…), what to do; nothing sent. */
export function ForeignBody({ code }: { code: ForeignCode }) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body verdict__body--foreign" data-testid="foreign-code" data-foreign-kind={code.kind}>
      <p className="verdict__foreign-label">{code.label}</p>
      <p className="verdict__message">{code.what}</p>
      <p className="verdict__message verdict__message--prominent" data-testid="foreign-todo">
        {code.todo}
      </p>
      <p className="verdict__note">{t('verdict.foreign_nothing_sent')}</p>
    </div>
  );
}
