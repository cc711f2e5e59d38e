/**
 * Bookings made through the control API (`POST /__sandbox/bookings`), as a beneficiary's app would: on a given
 * stock or, by default, on the next séance (today or tomorrow) at the under-26 tariff, already confirmed.
 */
import type { CreateBookingInput } from '../../shared/sandboxControl';
import { makeBeneficiary, makeToken } from './people';
import { confirmationDate } from './rules';
import type { Rng } from './prng';
import type { SandboxRuntime } from './runtime';
import type { Booking, SandboxStore, Stock } from './state';
import { HOUR, MINUTE, toSecond } from './time';

const PREFERRED_TARIFF = 'Moins de 26 ans';

function seatsLeft(store: SandboxStore, stock: Stock): number {
  return stock.quantity - store.bookedQuantity(stock.id);
}

/** The next séance starting after `after`, at the under-26 tariff when it has seats. */
function defaultStock(store: SandboxStore, after: number, quantity: number): Stock | undefined {
  const candidates = store.data.stocks
    .filter((stock) => stock.beginning > after && seatsLeft(store, stock) >= quantity)
    .filter((stock) => quantity === 1 || store.event(stock.offerId)?.isDuo === true);
  const preferred = (stock: Stock) =>
    store.event(stock.offerId)?.priceCategories.find((pc) => pc.id === stock.priceCategoryId)?.label ===
    PREFERRED_TARIFF
      ? 0
      : 1;
  return candidates.sort((a, b) => a.beginning - b.beginning || preferred(a) - preferred(b) || a.id - b.id)[0];
}

/**
 * Creates the booking, or returns why it cannot be made. `rng` draws the token and the beneficiary: the traffic
 * mode passes its own so its timer never shifts what the control API's next booking looks like.
 */
export function createBooking(
  rt: SandboxRuntime,
  input: CreateBookingInput,
  rng: Rng = rt.rng,
): Booking | { error: string } {
  const store = rt.store;
  const now = rt.nowMs();
  if (input.creationDate !== undefined && input.confirmed !== undefined) {
    return { error: 'give either confirmed or creationDate, not both' };
  }
  const confirmed = input.confirmed ?? true;
  const after = confirmed ? now + 15 * MINUTE : now + 49 * HOUR;
  const stock =
    input.stockId === undefined
      ? defaultStock(store, after, input.quantity)
      : store.isDeleted(input.stockId)
        ? undefined
        : store.stock(input.stockId);
  if (!stock) {
    return { error: input.stockId === undefined ? 'no séance fits' : `unknown stockId ${input.stockId}` };
  }
  const event = store.event(stock.offerId);
  const priceCategory = event?.priceCategories.find((pc) => pc.id === stock.priceCategoryId);
  if (!event || !priceCategory) return { error: `stock ${stock.id} has no offer` };
  if (input.quantity === 2 && !event.isDuo) return { error: `offer ${event.id} does not allow DUO bookings` };
  if (input.status !== 'CANCELLED' && seatsLeft(store, stock) < input.quantity) {
    return { error: `stock ${stock.id} has fewer than ${input.quantity} seat(s) left` };
  }

  let createdAt: number;
  if (input.creationDate !== undefined) {
    createdAt = toSecond(Date.parse(input.creationDate));
    if (createdAt > now) return { error: 'creationDate is in the future' };
  } else if (confirmed) {
    createdAt = Math.min(now, stock.beginning) - HOUR;
    if (confirmationDate(stock.beginning, createdAt) > now) createdAt = now - 49 * HOUR;
  } else {
    createdAt = now - 10 * MINUTE;
  }
  const confirmationAt = confirmationDate(stock.beginning, createdAt);
  if (input.confirmed === false && confirmationAt <= now) {
    return { error: `confirmed: false needs a séance more than 48 h away (stock ${stock.id} is too soon)` };
  }
  if ((input.status === 'USED' || input.status === 'REIMBURSED') && confirmationAt > now) {
    return { error: `a ${input.status} booking must be past its cancellation window` };
  }

  const booking: Booking = {
    id: store.nextBookingId(),
    token: makeToken(rng, (token) => store.hasToken(token)),
    stockId: stock.id,
    quantity: input.quantity,
    price: priceCategory.price,
    status: input.status,
    createdAt,
    confirmationAt,
    dateUsed: input.status === 'USED' || input.status === 'REIMBURSED' ? now : null,
    cancelledAt: input.status === 'CANCELLED' ? Math.max(createdAt, Math.min(confirmationAt, now)) : null,
    usedCount: 0,
    user: makeBeneficiary(rng, now, { firstName: input.firstName, lastName: input.lastName }),
  };
  store.addBooking(booking);
  return booking;
}
