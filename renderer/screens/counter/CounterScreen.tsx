import { useCallback, useEffect, useRef, useState } from 'react';
import { parseCountermark } from '../../../shared/countermark';
import { useAppInfo } from '../../context/appInfoContext';
import { CodeField } from './CodeField';
import type { ProvisionalRequest, UndoRequest } from './counterPanel';
import { DemoBookingsPanel } from './demo/DemoBookingsPanel';
import { ProvisionalConfirmDialog } from './ProvisionalConfirmDialog';
import { UndoConfirmDialog } from './UndoConfirmDialog';
import { useCounterDesk } from './useCounterDesk';
import { useCounterScans } from './useCounterScans';
import { AmbiguousScanPanel } from './AmbiguousScanPanel';
import { ScanLearntNote } from './ScanLearntNote';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { useStableCallback } from '../../hooks/useStableCallback';
import { useFieldFocusKeeper } from './useFieldFocusKeeper';
import { VerdictRegion } from './VerdictRegion';

/**
 * The guichet: one code field that always has the focus, the verdict under it, and in demo mode the
 * sandbox's countermarks beside it. Enter looks a code up; Enter again on a green verdict validates.
 */
export function CounterScreen() {
  const info = useAppInfo();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [hasInputError, setHasInputError] = useState(false);
  const [undoRequest, setUndoRequest] = useState<UndoRequest | null>(null);
  const [provisionalRequest, setProvisionalRequest] = useState<ProvisionalRequest | null>(null);
  const focusField = useCallback(() => fieldRef.current?.focus(), []);
  const desk = useCounterDesk(focusField);
  const isDialogOpen = undoRequest !== null || provisionalRequest !== null;

  const { panel } = desk;
  const green = panel?.kind === 'verdict' && panel.verdict.kind === 'valid' ? panel.verdict : null;

  function validateGreen(): void {
    if (green) desk.validate(green.token, green.booking);
  }

  function submit(): void {
    const parsed = parseCountermark(text);
    if (!parsed.ok) {
      if (parsed.reason === 'empty') validateGreen();
      else {
        setHasInputError(true);
        fieldRef.current?.select(); // the next scan replaces the bad text
      }
      return;
    }
    setHasInputError(false);
    scans.dismiss();
    if (green && parsed.token === green.token.toUpperCase()) {
      validateGreen();
      setText('');
    } else if (desk.lookup(text.trim(), parsed.token)) {
      setText('');
    }
  }

  /** A scanned countermark: like a typed one, and it replaces whatever was being typed. */
  function lookUpScanned(token: string): void {
    setHasInputError(false);
    setText('');
    if (green && token === green.token.toUpperCase()) validateGreen();
    else if (!desk.lookup(token, token)) setText(token); // busy validating: the code waits for Enter
  }

  const scans = useCounterScans({
    interrupt: () => {
      // The next person is at the desk: a question left open is answered "no" (nothing undone).
      setUndoRequest(null);
      setProvisionalRequest(null);
    },
    lookUp: lookUpScanned,
    refuse: () => {
      setText('');
      setHasInputError(true);
    },
  });

  const lookUpDemoToken = useStableCallback((token: string): void => {
    setHasInputError(false);
    if (desk.lookup(token, token)) setText('');
    focusField();
  });

  function clearAll(): void {
    scans.dismiss();
    setText('');
    setHasInputError(false);
    desk.clear();
    focusField();
  }

  // Escape closes the dialog itself (native <dialog> cancel); otherwise it clears the guichet.
  useEscapeKey(() => {
    if (!isDialogOpen) clearAll();
  });
  useFieldFocusKeeper(focusField, isDialogOpen);

  // The modal makes the field inert: give it the focus back once the dialog is gone.
  useEffect(() => {
    if (!isDialogOpen) focusField();
  }, [isDialogOpen, focusField]);

  return (
    <div className={info.mode === 'demo' ? 'counter counter--with-demo' : 'counter'}>
      <section className="counter__desk" aria-label={info.counterName}>
        <CodeField
          inputRef={fieldRef}
          value={text}
          hasError={hasInputError}
          onChange={(value) => {
            setText(value);
            setHasInputError(false);
          }}
          onSubmit={submit}
        />
        {scans.learnt && <ScanLearntNote sources={scans.learnt} />}
        {scans.ambiguity && <AmbiguousScanPanel ambiguity={scans.ambiguity} onPick={scans.pick} />}
        <VerdictRegion
          panel={panel}
          pending={desk.pending}
          onValidate={validateGreen}
          onRequestUndo={setUndoRequest}
          onRequestProvisional={setProvisionalRequest}
        />
      </section>
      {info.mode === 'demo' && <DemoBookingsPanel onPick={lookUpDemoToken} />}
      {undoRequest && (
        <UndoConfirmDialog
          request={undoRequest}
          onConfirm={() => {
            setUndoRequest(null);
            desk.undo(undoRequest.token, undoRequest.booking);
          }}
          onCancel={() => setUndoRequest(null)}
        />
      )}
      {provisionalRequest && (
        <ProvisionalConfirmDialog
          request={provisionalRequest}
          onConfirm={() => {
            setProvisionalRequest(null);
            desk.validateProvisional(provisionalRequest.token, provisionalRequest.booking);
          }}
          onCancel={() => setProvisionalRequest(null)}
        />
      )}
    </div>
  );
}
