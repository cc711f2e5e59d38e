import type { BookingView } from '../../../shared/contract';

/** The name to compare with the identity document: the biggest text on the screen. */
export function BeneficiaryName({ booking }: { booking: BookingView }) {
  return (
    <p className="beneficiary-name" data-testid="beneficiary-name">
      <span className="beneficiary-name__first">{booking.firstName}</span>{' '}
      <span className="beneficiary-name__last">{booking.lastName}</span>
    </p>
  );
}
