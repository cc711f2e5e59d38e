import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';
import { truncateText } from '../../format/truncate';
import { FullTextButton } from './LongText';

/** Longest name part shown in full; beyond it, an ellipsis and the whole name on demand. */
const NAME_PART_MAX = 40;

function sizeClass(length: number): string {
  if (length > 36) return 'beneficiary-name beneficiary-name--very-long';
  if (length > 20) return 'beneficiary-name beneficiary-name--long';
  return 'beneficiary-name';
}

/** The name to compare with the identity document: the biggest text on the screen, at most three lines. */
export function BeneficiaryName({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('ui');
  const first = truncateText(booking.firstName, NAME_PART_MAX);
  const last = truncateText(booking.lastName, NAME_PART_MAX);
  const isCut = first.isTruncated || last.isTruncated;
  return (
    <div className="beneficiary">
      <p
        className={sizeClass(first.text.length + last.text.length)}
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
