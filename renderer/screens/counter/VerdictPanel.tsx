import { useTranslation } from 'react-i18next';
import {
  panelKind,
  panelToken,
  type CounterPanel,
  type PanelKind,
  type ProvisionalRequest,
  type UndoRequest,
} from './counterPanel';
import { CorrectionNote } from './CorrectionNote';
import { ErrorBody } from './ErrorBody';
import { ForeignBody } from './ForeignBody';
import { LocalSourceNote } from './LocalSourceNote';
import { NotYetBody } from './NotYetBody';
import { OtherSeanceBody } from './OtherSeanceBody';
import { ProvisionalBody } from './ProvisionalBody';
import { RefusedBody } from './RefusedBody';
import { UndoneBody } from './UndoneBody';
import { UnverifiableBody } from './UnverifiableBody';
import type { ReprintState } from './useReprint';
import { ValidatedBody } from './ValidatedBody';
import { ValidationHeadline } from './ValidationHeadline';
import { ValidBody } from './ValidBody';
import { VerdictIcon } from './VerdictIcon';

export interface VerdictActions {
  onValidate: () => void;
  onRequestOtherSeance: () => void;
  onRequestUndo: (request: UndoRequest) => void;
  onRequestProvisional: (request: ProvisionalRequest) => void;
  onReprint: (ledgerId: number) => void;
  reprintOf: (ledgerId: number) => ReprintState | null;
}

interface VerdictPanelProps extends VerdictActions {
  panel: CounterPanel;
  isBusy: boolean;
}

/**
 * One verdict or outcome, on one screen: a head (what it means, in words and with an icon; the countermark), then
 * who on the left and what/when on the right, then the action. Each kind has its own colour *and* shape: "à
 * valider" is outlined, "entrée validée" filled with a stamp, amber and red have their own icons and words.
 */
export function VerdictPanel({ panel, isBusy, ...actions }: VerdictPanelProps) {
  const kind = panelKind(panel);
  const token = panelToken(panel);
  const timing = panel.kind === 'verdict' ? panel.verdict.seanceTiming : null;

  return (
    <article
      className={isBusy ? `verdict verdict--${kind} verdict--stale` : `verdict verdict--${kind}`}
      data-testid="verdict"
      data-kind={kind}
      data-timing={timing ?? undefined}
      data-upload={uploadState(panel)}
      aria-labelledby="verdict-label"
    >
      <header className="verdict__head">
        <h2 className="verdict__label" id="verdict-label" data-testid="verdict-label">
          <VerdictIcon kind={kind} />
          <Headline panel={panel} kind={kind} />
        </h2>
        {token && (
          <p className="verdict__token" data-testid="verdict-token">
            <VerdictTokenLabel token={token} />
          </p>
        )}
      </header>
      {panel.kind === 'verdict' && panel.verdict.correctedFrom && (
        <CorrectionNote from={panel.verdict.correctedFrom} to={panel.verdict.kind} />
      )}
      {panel.kind === 'verdict' && panel.verdict.source === 'local' && panel.verdict.kind !== 'unverifiable' && (
        <LocalSourceNote confirming={panel.verdict.confirming === true} />
      )}
      <PanelBody panel={panel} isBusy={isBusy} {...actions} />
    </article>
  );
}

function VerdictTokenLabel({ token }: { token: string }) {
  const { t } = useTranslation('ui');
  return <>{t('verdict.token', { token })}</>;
}

function Headline({ panel, kind }: { panel: CounterPanel; kind: PanelKind }) {
  const { t } = useTranslation('ui');
  if (panel.kind === 'validated') return <ValidationHeadline booking={panel.booking} />;
  if (panel.kind === 'verdict' && panel.verdict.kind === 'other_seance' && panel.verdict.seanceTiming) {
    return <span>{t(`verdict.timing.${panel.verdict.seanceTiming}`)}</span>;
  }
  if (panel.kind === 'verdict' && panel.verdict.kind === 'refused' && panel.verdict.reason) {
    return <span>{t(`verdict.refused_label.${panel.verdict.reason}`)}</span>;
  }
  return <span>{t(`verdict.label.${kind}`)}</span>;
}

function PanelBody({ panel, isBusy, ...actions }: VerdictPanelProps) {
  switch (panel.kind) {
    case 'verdict': {
      const { verdict } = panel;
      switch (verdict.kind) {
        case 'valid':
          return <ValidBody verdict={verdict} isBusy={isBusy} onValidate={actions.onValidate} />;
        case 'other_seance':
          return <OtherSeanceBody verdict={verdict} isBusy={isBusy} onRequestValidate={actions.onRequestOtherSeance} />;
        case 'not_yet':
          return <NotYetBody verdict={verdict} />;
        case 'refused':
          return <RefusedBody verdict={verdict} isBusy={isBusy} onRequestUndo={actions.onRequestUndo} />;
        case 'unverifiable':
          return (
            <UnverifiableBody
              key={verdict.ledgerId}
              verdict={verdict}
              isBusy={isBusy}
              onRequestProvisional={actions.onRequestProvisional}
            />
          );
      }
      break;
    }
    case 'validated':
      return (
        <ValidatedBody
          validation={panel.validation}
          booking={panel.booking}
          isBusy={isBusy}
          reprint={actions.reprintOf(panel.validation.ledgerId)}
          onReprint={() => actions.onReprint(panel.validation.ledgerId)}
          onRequestUndo={actions.onRequestUndo}
        />
      );
    case 'undone':
      return <UndoneBody undo={panel.undo} booking={panel.booking} />;
    case 'provisional':
      return (
        <ProvisionalBody
          validation={panel.validation}
          booking={panel.booking}
          isBusy={isBusy}
          onRequestUndo={actions.onRequestUndo}
        />
      );
    case 'error':
      return <ErrorBody error={panel.error} />;
    case 'foreign':
      return <ForeignBody code={panel.code} />;
  }
  return null;
}

/** `sent` / `pending` for an action's outcome (a provisional validation always waits for the network). */
function uploadState(panel: CounterPanel): 'sent' | 'pending' | undefined {
  if (panel.kind === 'validated') return panel.validation.upload;
  if (panel.kind === 'undone') return panel.undo.upload;
  if (panel.kind === 'provisional') return 'pending';
  return undefined;
}
