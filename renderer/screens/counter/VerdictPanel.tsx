/**
 * The verdict area: the live region screen readers announce, and one verdict or outcome in it — a head (what it means,
 * in words and with an icon; the countermark), then its body (`VerdictBodies.tsx`, `OutcomeBodies.tsx`).
 */
import { useTranslation } from '../../i18n';
import type { BookingView, Verdict } from '../../../shared/contract';
import type { PendingAction } from './counterDesk';
import { useShownPending } from './shownPending';
import {
  panelKind,
  panelToken,
  uploadState,
  type CounterPanel,
  type PanelKind,
  type ProvisionalRequest,
  type ReprintState,
  type UndoRequest,
} from './counterPanel';
import { ProvisionalBody, UndoneBody, ValidatedBody } from './OutcomeBodies';
import {
  ErrorBody,
  ForeignBody,
  NotYetBody,
  OtherSeanceBody,
  RefusedBody,
  UnverifiableBody,
  ValidBody,
} from './VerdictBodies';

interface VerdictActions {
  onValidate: () => void;
  onRequestOtherSeance: () => void;
  onRequestUndo: (request: UndoRequest) => void;
  onRequestProvisional: (request: ProvisionalRequest) => void;
  onReprint: (ledgerId: number) => void;
  reprintOf: (ledgerId: number) => ReprintState | null;
}

interface VerdictRegionProps extends VerdictActions {
  panel: CounterPanel | null;
  pending: PendingAction | null;
}

/**
 * The live region screen readers announce. The previous verdict stays (dimmed, its buttons off) while the next
 * call runs, under a line saying what is being done — once the call has taken a moment (`shownPending.ts`).
 */
export function VerdictRegion({ panel, pending: running, ...actions }: VerdictRegionProps) {
  const { t } = useTranslation('ui');
  const pending = useShownPending(running);
  const isBusy = pending !== null;
  return (
    <div className="verdict-region" aria-live="assertive" aria-atomic="true" aria-busy={isBusy}>
      {pending && (
        <p className="pending-notice" data-testid="pending" role="status">
          <span className="pending-notice__spinner" aria-hidden="true" />
          {t(`counter.pending.${pending.action}`, { token: pending.token })}
        </p>
      )}
      {panel ? <VerdictPanel panel={panel} isBusy={isBusy} {...actions} /> : !pending && <IdlePanel />}
    </div>
  );
}

function IdlePanel() {
  const { t } = useTranslation('ui');
  return (
    <div className="idle-panel" data-testid="idle">
      <VerdictIcon kind="idle" />
      <div>
        <p className="idle-panel__title">{t('counter.idle_title')}</p>
        <p className="idle-panel__text">{t('counter.idle_text')}</p>
      </div>
    </div>
  );
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
function VerdictPanel({ panel, isBusy, ...actions }: VerdictPanelProps) {
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
  // A séance in its window is admitted, never "another séance": that timing has no headline of its own.
  const timing =
    panel.kind === 'verdict' && panel.verdict.kind === 'other_seance' ? panel.verdict.seanceTiming : undefined;
  if (timing && timing !== 'in_window') {
    return <span>{t(`verdict.timing.${timing}`)}</span>;
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

/** "Entrée validée — 2 places (DUO)": the label of a validated panel, so the count is read first. */
function ValidationHeadline({ booking }: { booking: BookingView | null }) {
  const { t } = useTranslation(['ui', 'common']);
  const places = t('common:places', { count: booking?.quantity ?? 1 });
  return (
    <span data-testid="validation-confirmation">
      {booking?.isDuo ? t('verdict.validated_headline_duo', { places }) : t('verdict.validated_headline', { places })}
    </span>
  );
}

/**
 * The verdict comes from this counter's mirror: offline, or online while pass Culture confirms it (local first —
 * a different answer replaces the verdict by itself).
 */
function LocalSourceNote({ confirming }: { confirming: boolean }) {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__source" data-testid="verdict-source" data-source="local" data-confirming={confirming}>
      {t(confirming ? 'verdict.source_local_confirming' : 'verdict.source_local')}
    </p>
  );
}

/**
 * pass Culture's answer differs from the verdict shown first from this counter's mirror (local first): said in
 * words at the top of the panel, in a banner that blinks a few times, so a green turned red cannot go unseen.
 */
function CorrectionNote({ from, to }: { from: NonNullable<Verdict['correctedFrom']>; to: Verdict['kind'] }) {
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

type IconKind = PanelKind | 'idle';

/**
 * Drawn paths (no icon font, no emoji font needed): an arrow through a door (to validate), check (validated),
 * calendar (another séance), clock, cross, warning, undo arrow, scan, question mark (offline, unknown here), check
 * with a clock (provisional), a struck-out barcode (not a countermark).
 */
const PATHS: Record<IconKind, string> = {
  valid: 'M3 12h11M10 7.5L14.5 12 10 16.5M15 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4',
  validated: 'M5 12.5l4.5 4.5L19 7.5',
  not_yet: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2.5',
  other_seance: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M12 13v3M12 18.2v.3',
  refused: 'M6 6l12 12M18 6L6 18',
  error: 'M12 3L2 20h20L12 3M12 10v4.5M12 17.2v.3',
  undone: 'M9 7L4 12l5 5M4 12h10a6 6 0 0 1 0 12h-2',
  unverifiable: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M9.3 9.4a2.8 2.8 0 1 1 4 2.5c-.8.4-1.3 1-1.3 1.9v.6M12 17.2v.3',
  foreign: 'M4 6v12M7 6v12M10 6v12M14 6v12M17 6v12M20 6v12M2 3l20 18',
  provisional: 'M3 13l4.5 4.5L14 11M18.5 3a3.8 3.8 0 1 0 0 7.6a3.8 3.8 0 1 0 0-7.6M18.5 5v1.9l1.2.9',
  idle: 'M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M7 12h10',
};

function VerdictIcon({ kind }: { kind: IconKind }) {
  return (
    <svg className={`verdict-icon verdict-icon--${kind}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
