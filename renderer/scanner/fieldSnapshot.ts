/**
 * A scan's first keys type into the focused field before the burst can be told from typing; once it is a scan,
 * the field gets back what it held before (the keys typed nothing a person meant). The value goes through the element's native setter and an `input`
 * event, so React's controlled fields see the change.
 */
export interface FieldSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  if (!(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = target.selectionStart;
    selectionEnd = target.selectionEnd;
  } catch {
    // Some input types have no selection.
  }
  return { element: target, value: target.value, selectionStart, selectionEnd };
}

/** Puts the field back as in `snapshot`, unless something else changed it since it held `leaked`. */
export function restoreField(snapshot: FieldSnapshot, leaked: string): void {
  const { element, value } = snapshot;
  if (!element.isConnected || element.value === value || element.value !== leaked) return;
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      element.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // As above.
    }
  }
}
