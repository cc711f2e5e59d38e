import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { EventName, BookingRow } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { BookingBadges } from '../../components/BookingBadges';
import { useAppInfo, useVenueTimeZone } from '../../context/coreContext';
import { provisionalStanding } from '../../format/bookingPresence';
import { formatClockOrDate } from '../../format/dates';
import { truncateText } from '../../format/truncate';
import { useBookingSearch, useEventRefreshKey } from '../../hooks/coreData';
import { useNow } from '../../hooks/pageHooks';
import { bookingViewOfRow, type ProvisionalRequest } from './counterPanel';
import { PlacesBadge } from './VerdictParts';

const REFRESH_ON: readonly EventName[] = ['bookings.changed', 'ledger.changed'];
const VALIDATE_BUTTONS = '[data-testid="provisional-validate"]:not(:disabled)';

interface ProvisionalSearchProps {
  token: string;
  isBusy: boolean;
  onRequest: (request: ProvisionalRequest) => void;
}

/**
 * Offline, for a token this counter does not know: find the person by name among the bookings of the séances
 * around now (or, if asked, all of them). Enter or ↓ in the field goes to the first "Valider à titre provisoire",
 * ↑/↓ move between them.
 */
export function ProvisionalSearch({ token, isBusy, onRequest }: ProvisionalSearchProps) {
  const { t } = useTranslation('ui');
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<'moment' | 'all'>('moment');
  const listRef = useRef<HTMLUListElement>(null);
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  const now = useNow(60_000);
  const { rows, error, isSearching } = useBookingSearch(query, scope, refreshKey, { minLength: 1, limit: 20 });

  function moveFocus(event: KeyboardEvent<HTMLElement>, step: 1 | -1 | 0): void {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>(VALIDATE_BUTTONS) ?? [])];
    if (buttons.length === 0) return;
    event.preventDefault();
    const index = buttons.findIndex((button) => button === document.activeElement);
    const next = step === 0 || index < 0 ? 0 : Math.min(Math.max(index + step, 0), buttons.length - 1);
    buttons[next]?.focus();
  }

  return (
    <div className="provisional" aria-busy={isSearching}>
      <label className="provisional__label" htmlFor="provisional-search">
        {t('provisional.search_label')}
      </label>
      <input
        id="provisional-search"
        data-testid="provisional-search"
        className="provisional__input"
        type="search"
        value={query}
        placeholder={t('provisional.search_placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="provisional-hint"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' && !event.nativeEvent.isComposing) || event.key === 'ArrowDown') {
            moveFocus(event, 0);
          }
        }}
      />
      <p id="provisional-hint" className="provisional__hint">
        {t('provisional.search_hint')}
      </p>
      {error && (
        <p className="provisional__error" role="alert">
          {error.message}
        </p>
      )}
      {rows && rows.length === 0 && !isSearching && (
        <p className="provisional__empty">
          {scope === 'moment' ? t('provisional.no_result') : t('provisional.no_result_anywhere')}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ul
          ref={listRef}
          className={isSearching ? 'provisional__results provisional__results--stale' : 'provisional__results'}
          aria-label={t('provisional.results_label')}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') moveFocus(event, 1);
            else if (event.key === 'ArrowUp') moveFocus(event, -1);
          }}
        >
          {rows.map((row) => (
            <ProvisionalResult
              key={row.bookingId}
              token={token}
              row={row}
              now={now}
              isBusy={isBusy}
              onRequest={onRequest}
            />
          ))}
        </ul>
      )}
      {rows && scope === 'moment' && !isSearching && (
        <button
          type="button"
          className="button button--secondary provisional__widen"
          data-testid="provisional-scope-all"
          onClick={() => setScope('all')}
        >
          {t('provisional.widen')}
        </button>
      )}
      {scope === 'all' && <p className="provisional__hint">{t('provisional.widened_hint')}</p>}
    </div>
  );
}

/** Names from outside have no length limit: at most 40 characters of each part here. */
const short = (text: string) => truncateText(text, 40).text;

interface ProvisionalResultProps {
  token: string;
  row: BookingRow;
  now: Date;
  isBusy: boolean;
  onRequest: (request: ProvisionalRequest) => void;
}

/** One booking found by name: who (big), which séance, places, status, and the provisional validation. */
function ProvisionalResult({ token, row, now, isBusy, onRequest }: ProvisionalResultProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const timeZone = useVenueTimeZone();
  const booking = bookingViewOfRow(row, info.venue?.name ?? '');
  const standing = provisionalStanding(row, now);

  return (
    <li className="provisional-result" data-testid="provisional-result" data-booking-id={row.bookingId}>
      <div className="provisional-result__who">
        <p className="provisional-result__name">
          {short(row.firstName)} <span className="provisional-result__last">{short(row.lastName)}</span>
        </p>
        <p className="provisional-result__what">
          <span className="provisional-result__film">{truncateText(row.offerName, 90).text}</span>
          <span className="provisional-result__time">
            {row.seanceStart ? formatClockOrDate(row.seanceStart, now, timeZone) : t('verdict.seance_unknown')}
          </span>
          <PlacesBadge booking={booking} />
          {row.priceCategoryLabel && <span>{row.priceCategoryLabel}</span>}
        </p>
        <BookingBadges row={row} />
        {standing === 'not_confirmed' && row.confirmationDate && (
          <p className="provisional-result__warning">
            {t('provisional.not_confirmed', { time: formatTime(row.confirmationDate, timeZone) })}
          </p>
        )}
      </div>
      {standing === 'validatable' && (
        <button
          type="button"
          className="button button--provisional"
          data-testid="provisional-validate"
          aria-label={t('provisional.validate_label', {
            name: `${short(booking.firstName)} ${short(booking.lastName)}`,
          })}
          disabled={isBusy}
          onClick={() => onRequest({ token, booking })}
        >
          {t('provisional.validate')}
        </button>
      )}
    </li>
  );
}
