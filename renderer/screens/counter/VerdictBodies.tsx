/**
 * What a lookup says, one body per verdict kind: green "à valider", amber "autre séance" and "pas encore", red
 * refusals, offline "cannot be checked" (with the search by name), an error, a code that is not a countermark.
 */
import { useTranslation } from '../../i18n';
import type { ContractError, Verdict } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import type { ForeignCode } from '../../../shared/foreignCode';
import { useAppInfo, useVenueTimeZone } from '../../context/coreContext';
import { formatSeanceDay, formatWhen, seanceDayLabel } from '../../format/dates';
import type { ProvisionalRequest, UndoRequest } from './counterPanel';
import { ProvisionalSearch } from './ProvisionalSearch';
import { BookingColumns, UndoButton, VerdictMessage } from './VerdictParts';

/** "À valider": who (and the identity check) on the left, what and when on the right, and the one button. */
export function ValidBody({
  verdict,
  isBusy,
  onValidate,
}: {
  verdict: Verdict;
  isBusy: boolean;
  onValidate: () => void;
}) {
  const { t } = useTranslation('ui');
  return (
    <>
      <BookingColumns booking={verdict.booking} beside={<IdCheckReminder />} />
      <div className="verdict__footer">
        <VerdictMessage>{verdict.message}</VerdictMessage>
        <button
          type="button"
          className="button button--validate"
          data-testid="validate-button"
          disabled={isBusy}
          onClick={onValidate}
        >
          {t('verdict.validate')}
        </button>
      </div>
    </>
  );
}

interface OtherSeanceBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  /** Asks for the second, deliberate confirmation. */
  onRequestValidate: () => void;
}

/**
 * Amber: a valid booking, but not for a séance of the moment — the séance's day and time in large type (said once),
 * who and what; validating goes through a confirmation.
 */
export function OtherSeanceBody({ verdict, isBusy, onRequestValidate }: OtherSeanceBodyProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const start = verdict.booking?.seanceStart ?? null;
  return (
    <>
      {start && (
        <p className="verdict__when verdict__when--day" data-testid="seance-day">
          {formatSeanceDay(start, new Date(), timeZone)}
        </p>
      )}
      <BookingColumns booking={verdict.booking} showsSeance={false} />
      <div className="verdict__footer">
        <VerdictMessage>{verdict.message}</VerdictMessage>
        <button
          type="button"
          className="button button--other-seance"
          data-testid="validate-other-button"
          disabled={isBusy}
          onClick={onRequestValidate}
        >
          {t('verdict.validate_other')}
        </button>
      </div>
    </>
  );
}

/**
 * Amber: an event booking still in its cancellation window. The date it becomes validable is said once, in large
 * type (the platform's own sentence repeats it, so it only shows when there is no date).
 */
export function NotYetBody({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <>
      {verdict.validatableFrom ? (
        <p className="verdict__when" data-testid="validatable-from">
          {t('verdict.validatable_from', { when: formatWhen(verdict.validatableFrom, new Date(), timeZone) })}
        </p>
      ) : (
        <VerdictMessage isProminent>{verdict.message}</VerdictMessage>
      )}
      {!verdict.booking && <WhoUnknownNote />}
      <BookingColumns booking={verdict.booking} />
    </>
  );
}

interface RefusedBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onRequestUndo: (request: UndoRequest) => void;
}

/**
 * Red: why not, in plain French, and who it was for (name, film, séance) when known; for a used booking, when and
 * where it was validated. A validation made here can still be undone from this panel.
 */
export function RefusedBody({ verdict, isBusy, onRequestUndo }: RefusedBodyProps) {
  const { booking, undo, usedBy } = verdict;
  return (
    <>
      <VerdictMessage isProminent>{verdict.message}</VerdictMessage>
      {usedBy && <UsedByNote usedBy={usedBy} />}
      {!booking && verdict.reason !== 'unknown' && <WhoUnknownNote />}
      {booking && <BookingColumns booking={booking} showsPrice={false} />}
      {undo && undo.allowed === false && <UndoManagerOnlyNote person={undo.personName ?? null} />}
      {undo && undo.allowed !== false && (
        <div className="verdict__footer verdict__footer--end">
          <UndoButton
            isBusy={isBusy}
            booking={booking}
            onClick={() => onRequestUndo({ token: verdict.token, booking })}
          />
        </div>
      )}
    </>
  );
}

interface UnverifiableBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onRequestProvisional: (request: ProvisionalRequest) => void;
}

/** Offline and the token is unknown here: say why in plain words, and offer the search by name. */
export function UnverifiableBody({ verdict, isBusy, onRequestProvisional }: UnverifiableBodyProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body verdict__body--scroll">
      <p className="verdict__message verdict__message--explain" data-testid="verdict-message">
        {t('verdict.unverifiable_explanation')}
      </p>
      <ProvisionalSearch token={verdict.token} isBusy={isBusy} onRequest={onRequestProvisional} />
    </div>
  );
}

/** The call failed (platform unreachable, timeout, odd answer…): say so, and that the guichet still works. */
export function ErrorBody({ error }: { error: ContractError }) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body" data-error-code={error.code}>
      <VerdictMessage isProminent>{error.message}</VerdictMessage>
      <p className="verdict__note">{t('verdict.error_hint')}</p>
    </div>
  );
}

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

function IdCheckReminder() {
  const { t } = useTranslation('ui');
  return (
    <p className="id-check" data-testid="id-check">
      <svg className="id-check__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="2.5" y="5" width="19" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="8.5" cy="11" r="2.2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path
          d="M5.5 16.2c.8-1.6 5.2-1.6 6 0M14 10h4.5M14 13.5h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
      {t('verdict.check_id')}
    </p>
  );
}

/** When and where a used booking was validated, as far as this counter knows. */
function UsedByNote({ usedBy }: { usedBy: NonNullable<Verdict['usedBy']> }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const { counterName } = useAppInfo();
  // The venue's ledger is shared by its counters: a validation by another of them names that counter.
  const otherCounter = usedBy.where === 'here' && usedBy.counterName !== null && usedBy.counterName !== counterName;
  return (
    <p className="verdict__note verdict__note--strong" data-testid="used-by" data-where={usedBy.where}>
      {usedBy.where === 'here' && usedBy.at && usedBy.personName
        ? t('verdict.used_here_by', {
            person: usedBy.personName,
            counter: usedBy.counterName ?? '',
            day: seanceDayLabel(usedBy.at, new Date(), timeZone),
            time: formatTime(usedBy.at, timeZone),
          })
        : usedBy.where === 'here' && usedBy.at
          ? t(otherCounter ? 'verdict.used_other_counter' : 'verdict.used_here', {
              counter: usedBy.counterName ?? '',
              day: seanceDayLabel(usedBy.at, new Date(), timeZone),
              time: formatTime(usedBy.at, timeZone),
            })
          : t('verdict.used_elsewhere')}
    </p>
  );
}

/** A cashier may undo only their own validations, within 10 minutes: anything else is the manager's. */
function UndoManagerOnlyNote({ person }: { person: string | null }) {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__note" data-testid="undo-manager-only">
      {t('verdict.undo_manager_only', { person: person ?? '—' })}
    </p>
  );
}

/** A refusal without a name: the platform's answer carries none, and this counter never saw the countermark. */
function WhoUnknownNote() {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__note" data-testid="who-unknown">
      {t('verdict.who_unknown')}
    </p>
  );
}
