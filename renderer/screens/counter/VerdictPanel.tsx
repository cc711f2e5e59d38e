import { useTranslation } from 'react-i18next';
import { panelKind, panelToken, type CounterPanel, type ProvisionalRequest, type UndoRequest } from './counterPanel';
import { ErrorBody } from './ErrorBody';
import { LocalSourceNote } from './LocalSourceNote';
import { NotYetBody } from './NotYetBody';
import { ProvisionalBody } from './ProvisionalBody';
import { RefusedBody } from './RefusedBody';
import { UndoneBody } from './UndoneBody';
import { UnverifiableBody } from './UnverifiableBody';
import { ValidatedBody } from './ValidatedBody';
import { ValidationHeadline } from './ValidationHeadline';
import { ValidBody } from './ValidBody';
import { VerdictIcon } from './VerdictIcon';

interface VerdictPanelProps {
  panel: CounterPanel;
  isBusy: boolean;
  onValidate: () => void;
  onRequestUndo: (request: UndoRequest) => void;
  onRequestProvisional: (request: ProvisionalRequest) => void;
}

/** One verdict or outcome: a coloured panel that also says its meaning in words and with an icon. */
export function VerdictPanel({ panel, isBusy, onValidate, onRequestUndo, onRequestProvisional }: VerdictPanelProps) {
  const { t } = useTranslation('ui');
  const kind = panelKind(panel);
  const token = panelToken(panel);

  return (
    <article
      className={isBusy ? `verdict verdict--${kind} verdict--stale` : `verdict verdict--${kind}`}
      data-testid="verdict"
      data-kind={kind}
      data-upload={uploadState(panel)}
      aria-labelledby="verdict-label"
    >
      <header className="verdict__head">
        <h2 className="verdict__label" id="verdict-label">
          <VerdictIcon kind={kind} />
          {panel.kind === 'validated' ? (
            <ValidationHeadline booking={panel.booking} />
          ) : (
            <span>{t(`verdict.label.${kind}`)}</span>
          )}
        </h2>
        {token && (
          <p className="verdict__token" data-testid="verdict-token">
            {t('verdict.token', { token })}
          </p>
        )}
      </header>
      {panel.kind === 'verdict' && panel.verdict.source === 'local' && panel.verdict.kind !== 'unverifiable' && (
        <LocalSourceNote confirming={panel.verdict.confirming === true} />
      )}
      {panel.kind === 'verdict' && panel.verdict.kind === 'valid' && (
        <ValidBody verdict={panel.verdict} isBusy={isBusy} onValidate={onValidate} />
      )}
      {panel.kind === 'verdict' && panel.verdict.kind === 'not_yet' && <NotYetBody verdict={panel.verdict} />}
      {panel.kind === 'verdict' && panel.verdict.kind === 'refused' && (
        <RefusedBody verdict={panel.verdict} isBusy={isBusy} onRequestUndo={onRequestUndo} />
      )}
      {panel.kind === 'validated' && (
        <ValidatedBody
          validation={panel.validation}
          booking={panel.booking}
          isBusy={isBusy}
          onRequestUndo={onRequestUndo}
        />
      )}
      {panel.kind === 'undone' && <UndoneBody undo={panel.undo} booking={panel.booking} />}
      {panel.kind === 'verdict' && panel.verdict.kind === 'unverifiable' && (
        <UnverifiableBody
          key={panel.verdict.ledgerId}
          verdict={panel.verdict}
          isBusy={isBusy}
          onRequestProvisional={onRequestProvisional}
        />
      )}
      {panel.kind === 'provisional' && (
        <ProvisionalBody
          validation={panel.validation}
          booking={panel.booking}
          isBusy={isBusy}
          onRequestUndo={onRequestUndo}
        />
      )}
      {panel.kind === 'error' && <ErrorBody error={panel.error} />}
    </article>
  );
}

/** `sent` / `pending` for an action's outcome (a provisional validation always waits for the network). */
function uploadState(panel: CounterPanel): 'sent' | 'pending' | undefined {
  if (panel.kind === 'validated') return panel.validation.upload;
  if (panel.kind === 'undone') return panel.undo.upload;
  if (panel.kind === 'provisional') return 'pending';
  return undefined;
}
