/** Small hooks of the page: a clock for relative labels, a debounced value, a stable callback, Escape. */
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for labels such as "il y a 2 min". */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** `value`, once it has stopped changing for `delayMs` (a search sent after the cashier pauses typing). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * A function whose identity never changes and that always runs the latest `fn`: for props of memoised
 * children (e.g. the demo panel) that must not re-render every time their parent does.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

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
