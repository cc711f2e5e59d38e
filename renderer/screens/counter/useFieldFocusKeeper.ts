import { useEffect, useEffectEvent } from 'react';

/** Controls that keep the focus a click gave them; anywhere else, the code field takes it back. */
const KEEPS_FOCUS = 'input, textarea, select, dialog, [contenteditable="true"]';

/**
 * The cashier's next scan must land in the code field: a click elsewhere on the page, or coming back to the
 * window, returns the focus to it. Paused while a dialog is open; a text selection is left alone.
 */
export function useFieldFocusKeeper(focusField: () => void, isPaused: boolean): void {
  const refocus = useEffectEvent((target: EventTarget | null) => {
    if (isPaused) return;
    if (target instanceof Element && target.closest(KEEPS_FOCUS)) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    focusField();
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => refocus(event.target);
    const onWindowFocus = () => refocus(null);
    window.addEventListener('click', onClick);
    window.addEventListener('focus', onWindowFocus);
    return () => {
      window.removeEventListener('click', onClick);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, []);
}
