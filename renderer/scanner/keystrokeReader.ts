/**
 * KeyboardEvent → Keystroke. AltGr is the third level of European layouts; a scanner set to AZERTY sends it as
 * Right Alt, which a US PC reports as plain Alt: holding Right Alt therefore counts as AltGr, never as a shortcut.
 */
import type { Keystroke } from '../../shared/scanner/keystroke';
import type { FocusKind } from '../../shared/scanner/wedgeAssembler';

export function createKeystrokeReader() {
  let isRightAltDown = false;
  return {
    fromKeyDown(event: KeyboardEvent): Keystroke {
      if (event.code === 'AltRight') isRightAltDown = true;
      const altGraph =
        event.getModifierState('AltGraph') || (event.ctrlKey && event.altKey) || (isRightAltDown && event.altKey);
      return {
        key: event.key,
        code: event.code,
        shift: event.shiftKey,
        altGraph,
        command: (event.ctrlKey || event.altKey || event.metaKey) && !altGraph,
        at: event.timeStamp,
      };
    },
    keyUp(event: KeyboardEvent): void {
      if (event.code === 'AltRight') isRightAltDown = false;
    },
    reset(): void {
      isRightAltDown = false;
    },
  };
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/** Where a key lands: a field that takes text (the key types there), or anything else. */
export function focusKindOf(target: EventTarget | null): FocusKind {
  if (target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type) ? 'text' : 'other';
  return target instanceof HTMLElement && target.isContentEditable ? 'text' : 'other';
}
