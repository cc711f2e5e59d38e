/**
 * Sends keystroke streams to a Chromium page through CDP (`Input.dispatchKeyEvent`), with the exact `key` and
 * `code` a PC's layout produces for a scanner set to another layout, Shift pressed around shifted keys as a
 * scanner does. Each event carries the time the scanner typed it (CDP `timestamp`, which becomes
 * `event.timeStamp`, as the OS's own input time does), and sending is paced in real time too.
 */
import type { CDPSession } from 'playwright-core';
import type { Keystroke } from '../../../shared/scanner/keystroke';

const SHIFT = 8;
const VIRTUAL_KEYS: Record<string, number> = { Enter: 13, Tab: 9, Shift: 16 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function key(cdp: CDPSession, type: 'keyDown' | 'rawKeyDown' | 'keyUp', stroke: Keystroke, seconds: number) {
  const isChar = [...stroke.key].length === 1;
  const text = type === 'keyUp' ? undefined : stroke.key === 'Enter' ? '\r' : isChar ? stroke.key : undefined;
  return cdp.send('Input.dispatchKeyEvent', {
    type: type === 'keyDown' && text === undefined ? 'rawKeyDown' : type,
    key: stroke.key,
    code: stroke.code,
    modifiers: stroke.shift ? SHIFT : 0,
    windowsVirtualKeyCode: VIRTUAL_KEYS[stroke.key],
    timestamp: seconds,
    ...(text === undefined ? {} : { text, unmodifiedText: text }),
  });
}

/**
 * Types the strokes; `stroke.at` (ms) are kept as the events' own times. `suffixAtOnce`: the last character and
 * the suffix leave together, nothing awaited between their events (a scanner sending 1–2 ms a key: CDP alone
 * takes several ms between two awaited keys), so the page gets the suffix as soon as it has handled the character.
 */
export async function sendKeystrokes(
  cdp: CDPSession,
  strokes: readonly Keystroke[],
  options: { suffixAtOnce?: boolean } = {},
): Promise<void> {
  const first = strokes[0];
  if (!first) return;
  const epoch = Date.now() / 1000 - first.at / 1000;
  const started = performance.now() - first.at;
  const together = options.suffixAtOnce === true ? strokes.length - 2 : strokes.length;
  const unawaited: Promise<unknown>[] = [];
  for (const [index, stroke] of strokes.entries()) {
    const wait = stroke.at - (performance.now() - started);
    if (wait > 1 && index <= together) await pause(wait);
    const at = epoch + stroke.at / 1000;
    const shift: Keystroke = { ...stroke, key: 'Shift', code: 'ShiftLeft', shift: true };
    const events = [
      ...(stroke.shift ? [() => key(cdp, 'rawKeyDown', shift, at - 0.0004)] : []),
      () => key(cdp, 'keyDown', stroke, at),
      () => key(cdp, 'keyUp', stroke, at + 0.0004),
      ...(stroke.shift ? [() => key(cdp, 'keyUp', { ...shift, shift: false }, at + 0.0006)] : []),
    ];
    for (const send of events) {
      if (index >= together) unawaited.push(send());
      else await send();
    }
  }
  await Promise.all(unawaited);
}
