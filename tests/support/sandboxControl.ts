/** Test helpers around the sandbox's control API (`/__sandbox/`). */
import { z } from 'zod';

export const sandboxBookingSchema = z.object({
  token: z.string(),
  id: z.number(),
  status: z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']),
  confirmationDate: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  offerId: z.number(),
  stockId: z.number(),
  seanceStart: z.string(),
  quantity: z.number(),
  price: z.number(),
  priceCategoryLabel: z.string().nullable(),
  usedCount: z.number(),
});
export type SandboxBooking = z.infer<typeof sandboxBookingSchema>;

export async function sandboxBookings(url: string): Promise<SandboxBooking[]> {
  const response = await fetch(`${url}/__sandbox/bookings`);
  return z.object({ bookings: z.array(sandboxBookingSchema) }).parse(await response.json()).bookings;
}

export interface BookingFilter {
  status: SandboxBooking['status'];
  confirmed?: boolean;
  quantity?: number;
}

/** Bookings matching a filter; `now` decides "confirmed" (confirmation date passed). */
export async function findBookings(url: string, filter: BookingFilter, now = new Date()): Promise<SandboxBooking[]> {
  return (await sandboxBookings(url)).filter(
    (b) =>
      b.status === filter.status &&
      (filter.quantity === undefined || b.quantity === filter.quantity) &&
      (filter.confirmed === undefined ||
        filter.confirmed === (b.confirmationDate === null || new Date(b.confirmationDate) <= now)),
  );
}

export async function findBooking(url: string, filter: BookingFilter): Promise<SandboxBooking> {
  const found = (await findBookings(url, filter))[0];
  if (!found) throw new Error(`no sandbox booking matches ${JSON.stringify(filter)}`);
  return found;
}

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults refused: ${response.status} ${await response.text()}`);
}

export async function resetSandbox(url: string): Promise<void> {
  await fetch(`${url}/__sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}
