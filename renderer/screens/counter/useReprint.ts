import { useState } from 'react';
import { useApi } from '../../context/coreContext';

/** The slip reprint asked from the validated panel, and what became of it (shown next to the button). */
export type ReprintState =
  { ledgerId: number; state: 'busy' | 'sent' } | { ledgerId: number; state: 'error'; message: string };

export function useReprint() {
  const api = useApi();
  const [reprint, setReprint] = useState<ReprintState | null>(null);
  return {
    /** The state for this ledger entry's slip, or null when none was asked. */
    of: (ledgerId: number): ReprintState | null => (reprint?.ledgerId === ledgerId ? reprint : null),
    async reprint(ledgerId: number): Promise<void> {
      if (reprint?.ledgerId === ledgerId && reprint.state === 'busy') return;
      setReprint({ ledgerId, state: 'busy' });
      const envelope = await api.call('printer.reprint', { ledgerId });
      setReprint(
        envelope.ok ? { ledgerId, state: 'sent' } : { ledgerId, state: 'error', message: envelope.error.message },
      );
    },
  };
}
