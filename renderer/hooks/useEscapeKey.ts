import { useEffect, useEffectEvent } from 'react';

/** Calls `onEscape` for an Escape pressed anywhere on the page (not already handled by a control). */
export function useEscapeKey(onEscape: () => void): void {
  const handleEscape = useEffectEvent(onEscape);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) handleEscape();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
