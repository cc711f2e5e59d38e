import { useEffect, useState } from 'react';
import { useApi, useLinkState } from '../context/coreContext';

/**
 * A key that changes whenever the ledger may have changed: on each `ledger.changed` event, and when the link
 * to the engine comes back (events sent while it was down are lost).
 */
export function useLedgerRefreshKey(): string {
  const api = useApi();
  const { reconnections } = useLinkState();
  const [changes, setChanges] = useState(0);

  useEffect(() => api.on('ledger.changed', () => setChanges((n) => n + 1)), [api]);
  // Another account means another data folder, so another ledger.
  useEffect(() => api.on('account.changed', () => setChanges((n) => n + 1)), [api]);

  return `${changes}/${reconnections}`;
}
