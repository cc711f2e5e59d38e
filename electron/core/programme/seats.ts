/**
 * pass Culture seats of a séance. The platform's date has `quantity` (total, booked included, or "unlimited") and
 * `bookedQuantity`; a PATCH of `quantity` sets the seats still AVAILABLE and the platform adds the booked ones
 * (pcapi `patch_event_stock`: `quantity + stock.dnBookedQuantity`). Closing the sale (available = 0) remembers
 * the availability it replaced, in the settings table, so "Rouvrir" can restore it.
 */
import { z } from 'zod';
import type { PlatformDate } from '../../../shared/platform/schemas';
import type { SettingsStore } from '../db/settings';

/** Seats still open to pass Culture; null when unlimited. */
export function availableSeats(date: Pick<PlatformDate, 'quantity' | 'bookedQuantity'>): number | null {
  return date.quantity === 'unlimited' ? null : Math.max(0, date.quantity - date.bookedQuantity);
}

/** What to send as `quantity` for a wanted availability (null = unlimited). */
export function quantityToSend(available: number | null): number | 'unlimited' {
  return available === null ? 'unlimited' : available;
}

const CLOSED_SALES_KEY = 'programme.closedSales';
const closedSaleSchema = z.object({ previousAvailable: z.number().int().nullable(), closedAt: z.string() });
const closedSalesSchema = z.record(z.string(), closedSaleSchema);
export type ClosedSale = z.infer<typeof closedSaleSchema>;

export function createClosedSales(settings: SettingsStore) {
  const all = () => settings.read(CLOSED_SALES_KEY, closedSalesSchema) ?? {};
  return {
    get(stockId: number): ClosedSale | null {
      return all()[String(stockId)] ?? null;
    },
    /** Keeps the first remembered availability when closed twice: that is the one to restore. */
    remember(stockId: number, previousAvailable: number | null, closedAt: string): void {
      const sales = all();
      sales[String(stockId)] ??= { previousAvailable, closedAt };
      settings.write(CLOSED_SALES_KEY, sales);
    },
    forget(stockId: number): void {
      const sales = all();
      if (!(String(stockId) in sales)) return;
      delete sales[String(stockId)];
      settings.write(CLOSED_SALES_KEY, sales);
    },
  };
}

export type ClosedSales = ReturnType<typeof createClosedSales>;
