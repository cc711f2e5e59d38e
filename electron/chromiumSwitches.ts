/**
 * Chromium switches the Electron host sets before the app is ready. Kept apart from main.ts so the scanner
 * benchmark can launch Chromium the way the product runs it.
 *
 * DeferRendererTasksAfterInput: after a key press that changes the page, Chromium holds every other task of
 * the page (network, IPC, messages) until the next frame is drawn. At the guichet the task right behind the
 * suffix key is the verdict coming back from the core, so that policy alone costs the cashier up to a frame
 * per scan (measured: a reply sent 2 ms after Enter is handled 4–17 ms after it; `npm run bench:scanner`).
 */
export const CHROMIUM_SWITCHES: Readonly<Record<string, string>> = {
  'disable-features': 'DeferRendererTasksAfterInput',
};

/** The same switches as command-line arguments (`--name=value`). */
export function chromiumSwitchArgs(): string[] {
  return Object.entries(CHROMIUM_SWITCHES).map(([name, value]) => `--${name}=${value}`);
}
