import { useEffect, useEffectEvent } from 'react';

interface CounterKeys {
  isPaused: boolean;
  /** F2: back to the previous verdict nobody validated. */
  onPrevious: () => void;
  /** F4: reprint the slip of the entry just validated. */
  onReprint: () => void;
}

/**
 * The guichet's function keys. Function keys only: a scanner never sends them (its suffix is Enter or Tab, and
 * the wedge capture stops those), letters and digits belong to the code field, and F2/F4 have no browser action.
 */
export function useCounterKeys(keys: CounterKeys): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (keys.isPaused || event.defaultPrevented || event.repeat) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'F2') {
      event.preventDefault();
      keys.onPrevious();
    } else if (event.key === 'F4') {
      event.preventDefault();
      keys.onReprint();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
