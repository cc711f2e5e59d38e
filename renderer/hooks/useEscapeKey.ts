import { useEffect, useEffectEvent } from 'react';

/** Calls `onEscape` for an Escape pressed anywhere on the page (not already handled by a control or a dialog). */
export function useEscapeKey(onEscape: () => void): void {
  const handleEscape = useEffectEvent(onEscape);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      // An open dialog takes its own Escape (it closes): the screen behind must not act on it too.
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      handleEscape();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
