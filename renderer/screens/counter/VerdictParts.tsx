/**
 * What every verdict body is made of: who (the name to compare with the ID) and what (film, séance, places, tariff)
 * side by side, the message line, the undo button and the "sera envoyée" note.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { BookingView } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatSeanceDay } from '../../format/dates';
import { truncateText } from '../../format/truncate';
import { shortName } from './counterPanel';

/** Longest name part shown in full; beyond it, an ellipsis and the whole name on demand. */
const NAME_PART_MAX = 40;
/** Longest film title shown in full (pass Culture allows 90 characters; outside text may be anything). */
const FILM_MAX = 90;

interface BookingColumnsProps {
  booking: BookingView | null;
  /** Under the name (the ID reminder, the "validated" stamp). */
  beside?: ReactNode;
  showsPrice?: boolean;
  /** False where the séance is already said in large type (amber "autre séance"). */
  showsSeance?: boolean;
}

/** Who on the left, what and when on the right. */
export function BookingColumns({ booking, beside, showsPrice, showsSeance }: BookingColumnsProps) {
  return (
    <div className="verdict__body verdict__columns">
      <div className="verdict__who">
        {booking && <BeneficiaryName booking={booking} />}
        {beside}
      </div>
      <div className="verdict__what">
        {booking && <BookingDetails booking={booking} showsPrice={showsPrice} showsSeance={showsSeance} />}
      </div>
    </div>
  );
}

function nameSizeClass(length: number): string {
  if (length > 36) return 'beneficiary-name beneficiary-name--very-long';
  if (length > 20) return 'beneficiary-name beneficiary-name--long';
  return 'beneficiary-name';
}

/** The name to compare with the identity document: the biggest text on the screen, at most three lines. */
function BeneficiaryName({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('ui');
  const first = truncateText(booking.firstName, NAME_PART_MAX);
  const last = truncateText(booking.lastName, NAME_PART_MAX);
  const isCut = first.isTruncated || last.isTruncated;
  return (
    <div className="beneficiary">
      <p
        className={nameSizeClass(first.text.length + last.text.length)}
        data-testid="beneficiary-name"
        data-truncated={isCut || undefined}
      >
        <bdi className="beneficiary-name__first">{first.text}</bdi>{' '}
        <bdi className="beneficiary-name__last">{last.text}</bdi>
      </p>
      {isCut && (
        <FullTextButton
          title={t('verdict.full_name_title')}
          text={`${booking.firstName} ${booking.lastName}`}
          testId="beneficiary-name-more"
        />
      )}
    </div>
  );
}

/** Film, séance (venue's time, with its day), places and tariff of a booking. */
function BookingDetails({
  booking,
  showsPrice = true,
  showsSeance = true,
}: Omit<BookingColumnsProps, 'beside'> & { booking: BookingView }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const price = booking.isDuo
    ? t('verdict.price_duo', {
        unit: formatCents(booking.unitPriceCents),
        total: formatCents(booking.totalPriceCents),
      })
    : t('verdict.price_single', { price: formatCents(booking.totalPriceCents) });

  return (
    <dl className="booking-details">
      <div className="booking-details__item booking-details__item--film">
        <dt>{t('verdict.film')}</dt>
        <dd>
          <LongText
            text={booking.offerName}
            max={FILM_MAX}
            title={t('verdict.full_film_title')}
            className="booking-details__film"
            testId="offer-name"
          />
        </dd>
      </div>
      {showsSeance && (
        <div className="booking-details__item">
          <dt>{t('verdict.seance')}</dt>
          <dd data-testid="seance">
            {booking.seanceStart
              ? formatSeanceDay(booking.seanceStart, new Date(), timeZone)
              : t('verdict.seance_unknown')}
          </dd>
        </div>
      )}
      <div className="booking-details__item">
        <dt className="visually-hidden">{t('verdict.places_label')}</dt>
        <dd>
          <PlacesBadge booking={booking} />
        </dd>
      </div>
      {showsPrice && (
        <div className="booking-details__item">
          <dt>
            <bdi>{booking.priceCategoryLabel ?? t('verdict.tariff')}</bdi>
          </dt>
          <dd data-testid="price">{price}</dd>
        </div>
      )}
    </dl>
  );
}

/** "1 place", or a badge nobody can miss for a DUO (one countermark, two people). */
export function PlacesBadge({ booking }: { booking: BookingView }) {
  const { t } = useTranslation(['ui', 'common']);
  const places = t('common:places', { count: booking.quantity });
  if (!booking.isDuo) {
    return (
      <span className="places" data-testid="places">
        {places}
      </span>
    );
  }
  return (
    <span className="places places--duo" data-testid="places">
      {t('verdict.places_duo', { places })}
    </span>
  );
}

interface LongTextProps {
  text: string;
  /** Characters shown at most; the rest on demand. */
  max: number;
  /** Title of the full-text window, e.g. "Titre complet". */
  title: string;
  className?: string;
  testId?: string;
}

/**
 * Outside text of any length (a film title…), cut to `max` characters with an ellipsis, so it never pushes the
 * verdict off screen (nor costs a long layout); when cut, a small button shows the whole text.
 */
function LongText({ text, max, title, className, testId }: LongTextProps) {
  const shown = truncateText(text, max);
  return (
    <>
      <bdi className={className} data-testid={testId} data-truncated={shown.isTruncated || undefined}>
        {shown.text}
      </bdi>
      {shown.isTruncated && (
        <>
          {' '}
          <FullTextButton title={title} text={text} testId={testId ? `${testId}-more` : undefined} />
        </>
      )}
    </>
  );
}

/** "voir en entier": the whole text in a scrollable window; closing it gives the focus back to the code field. */
function FullTextButton({ title, text, testId }: { title: string; text: string; testId?: string | undefined }) {
  const { t } = useTranslation('ui');
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="long-text__more"
        data-testid={testId}
        aria-label={`${title} : ${t('verdict.full_text')}`}
        onClick={() => dialogRef.current?.showModal()}
      >
        {t('verdict.full_text')}
      </button>
      <dialog
        ref={dialogRef}
        className="confirm-dialog long-text__dialog"
        aria-label={title}
        // The dialog gives the focus back to its button on close; the next scan must land in the code field.
        onClose={() => window.setTimeout(() => document.getElementById('code-input')?.focus())}
      >
        <div className="confirm-dialog__content">
          <h2 className="confirm-dialog__title">{title}</h2>
          <p className="long-text__full">{text}</p>
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
              {t('verdict.full_text_close')}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

/** A message line of the verdict area; every state has one. */
export function VerdictMessage({ children, isProminent = false }: { children: ReactNode; isProminent?: boolean }) {
  return (
    <p
      className={isProminent ? 'verdict__message verdict__message--prominent' : 'verdict__message'}
      data-testid="verdict-message"
    >
      {children}
    </p>
  );
}

export function UndoButton({
  isBusy,
  booking,
  onClick,
}: {
  isBusy: boolean;
  booking: BookingView | null;
  onClick: () => void;
}) {
  const { t } = useTranslation('ui');
  const name = shortName(booking);
  return (
    <button
      type="button"
      className="button button--undo"
      data-testid="undo-button"
      aria-label={name ? t('verdict.undo_label', { name }) : undefined}
      disabled={isBusy}
      onClick={onClick}
    >
      {t('verdict.undo')}
    </button>
  );
}

/** Recorded here, in the upload queue: pass Culture will hear of it when the network is back. */
export function UploadPendingNote() {
  const { t } = useTranslation('ui');
  return (
    <p className="upload-pending" data-testid="upload-pending" role="note">
      {t('verdict.upload_pending')}
    </p>
  );
}
