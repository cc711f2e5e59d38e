/**
 * When the screen says "Recherche en cours…": only once a call has taken PENDING_SHOWN_AFTER_MS. A verdict from the
 * mirror comes back well within that, and until it does the screen is left exactly as it was: no notice, no dimmed
 * verdict, no disabled button. A fast answer then neither flickers nor costs a frame of its own (the frame drawn
 * for a changed screen right after Enter held the verdict back by up to 12 ms; `npm run bench:scanner`).
 * Safety does not wait: while a call is in flight the desk already refuses to act on the verdict still shown
 * (`currentVerdict`, `counterDesk.ts`).
 */
import { useEffect, useState } from 'react';
import type { PendingAction } from './counterDesk';

/** Below what a person perceives as a wait; what the former CSS delay was. */
export const PENDING_SHOWN_AFTER_MS = 150;

/** `pending` once it has lasted long enough to be worth showing; a newer action replaces a shown one at once. */
export function useShownPending(pending: PendingAction | null): PendingAction | null {
  const [shown, setShown] = useState<PendingAction | null>(null);
  // Adjusted while rendering (React's pattern for state derived from a prop): no frame shows the stale value.
  if (pending === null && shown !== null) setShown(null);
  if (pending !== null && shown !== null && shown !== pending) setShown(pending);

  useEffect(() => {
    if (pending === null || shown !== null) return;
    const timer = window.setTimeout(() => setShown(pending), PENDING_SHOWN_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [pending, shown]);

  return pending === null ? null : shown;
}
