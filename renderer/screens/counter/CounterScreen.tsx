import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { describeForeignCode } from '../../../shared/foreignCode';
import { useApi, useAppInfo } from '../../context/coreContext';
import { useEscapeKey, useStableCallback } from '../../hooks/pageHooks';
import { AmbiguousScanPanel, CodeField, PreviousNote, ScanLearntNote } from './CodeField';
import { createCounterDesk, currentVerdict, enterAction, type CounterDeskState } from './counterDesk';
import { useCounterKeys, useCounterScans, useFieldFocusKeeper, useReprint, useVerdictSounds } from './counterHooks';
import { admittable, type OtherSeanceRequest, type ProvisionalRequest, type UndoRequest } from './counterPanel';
import { OtherSeanceConfirmDialog, ProvisionalConfirmDialog, UndoConfirmDialog } from './CounterDialogs';
import { useTokenReadListener } from '../../scanner/scannerContext';
import { DemoBookingsPanel } from './DemoBookingsPanel';
import { VerdictRegion } from './VerdictPanel';
import './counter.css';

/**
 * The guichet: one code field that always has the focus, the verdict under it, and in demo mode the
 * sandbox's countermarks beside it. Enter looks a code up; Enter again on a green verdict validates (on an amber
 * "autre séance", it asks first). Any new code read — a countermark, a foreign barcode, a typo — takes the verdict
 * on screen away from Enter at once (`counterDesk.ts`).
 */
export function CounterScreen() {
  const info = useAppInfo();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [hasInputError, setHasInputError] = useState(false);
  const [undoRequest, setUndoRequest] = useState<UndoRequest | null>(null);
  const [provisionalRequest, setProvisionalRequest] = useState<ProvisionalRequest | null>(null);
  const [otherSeanceRequest, setOtherSeanceRequest] = useState<OtherSeanceRequest | null>(null);
  const focusField = useCallback(() => fieldRef.current?.focus(), []);
  const [desk, deskState] = useCounterDesk(focusField);
  const reprints = useReprint();
  const sounds = useVerdictSounds(deskState.panel);
  const isDialogOpen = undoRequest !== null || provisionalRequest !== null || otherSeanceRequest !== null;
  const current = currentVerdict(deskState);

  function admitCurrent(): void {
    if (!current) return;
    if (current.kind === 'valid') desk.validate(current.token, current.booking);
    else setOtherSeanceRequest({ verdict: current });
  }

  /** Something that is not a countermark was typed: a typo stays in the field; a foreign code gets its panel. */
  function refuseTyped(typed: string): void {
    const code = describeForeignCode(typed, false);
    if (code.kind === 'typing') {
      desk.dropVerdict();
      sounds.play('not_countermark');
      setHasInputError(true);
      fieldRef.current?.select(); // the next scan replaces the bad text
      return;
    }
    setHasInputError(false);
    setText('');
    desk.showForeign(code);
  }

  function submit(): void {
    const action = enterAction(text, current);
    if (action.kind === 'refuse') return refuseTyped(action.text);
    if (action.kind === 'nothing') return;
    if (action.kind === 'admit' && !action.typed) return admitCurrent();
    setHasInputError(false);
    scans.dismiss();
    if (action.kind === 'admit') {
      admitCurrent();
      setText('');
    } else if (desk.lookup(action.text, action.token)) {
      setText('');
    }
  }

  /** A scanned countermark: like a typed one, and it replaces whatever was being typed. */
  function lookUpScanned(token: string): void {
    setHasInputError(false);
    setText('');
    if (current && token === current.token.toUpperCase()) admitCurrent();
    else if (!desk.lookup(token, token)) setText(token); // busy validating: the code waits for Enter
  }

  const scans = useCounterScans({
    interrupt: () => {
      // The next person is at the desk: a question left open is answered "no" (nothing undone, nothing admitted).
      setUndoRequest(null);
      setProvisionalRequest(null);
      setOtherSeanceRequest(null);
    },
    lookUp: lookUpScanned,
    refuse: (readings) => {
      setText('');
      setHasInputError(false);
      desk.showForeign(describeForeignCode(readings, true));
    },
  });

  // A QR code's token, whole before the scanner's suffix: its lookup starts now, its scan takes the answer.
  useTokenReadListener((token) => desk.lookUpAhead(token));

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

  function reprintCurrent(): void {
    const { panel, pending } = deskState;
    if (pending || !(panel?.kind === 'validated' || panel?.kind === 'provisional')) return;
    void reprints.reprint(panel.validation.ledgerId);
    focusField();
  }

  // Escape closes the dialog itself (native <dialog> cancel); otherwise it clears the guichet.
  useEscapeKey(() => {
    if (!isDialogOpen) clearAll();
  });
  useCounterKeys({
    isPaused: isDialogOpen,
    onPrevious: () => {
      if (desk.goBack()) {
        setText('');
        setHasInputError(false);
      }
    },
    onReprint: reprintCurrent,
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
        {deskState.previous && (
          <PreviousNote
            note={deskState.previous}
            onBack={() => {
              desk.goBack();
              focusField();
            }}
            onDismiss={() => {
              desk.dismissPrevious();
              focusField();
            }}
          />
        )}
        {scans.learnt && <ScanLearntNote sources={scans.learnt} />}
        {scans.ambiguity && <AmbiguousScanPanel ambiguity={scans.ambiguity} onPick={scans.pick} />}
        <VerdictRegion
          panel={deskState.panel}
          pending={deskState.pending}
          onValidate={admitCurrent}
          onRequestOtherSeance={admitCurrent}
          onRequestUndo={setUndoRequest}
          onRequestProvisional={setProvisionalRequest}
          onReprint={(ledgerId) => {
            void reprints.reprint(ledgerId);
            focusField();
          }}
          reprintOf={reprints.of}
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
          onConfirm={(acceptOtherSeance) => {
            setProvisionalRequest(null);
            desk.validateProvisional(provisionalRequest.token, provisionalRequest.booking, { acceptOtherSeance });
          }}
          onCancel={() => setProvisionalRequest(null)}
        />
      )}
      {otherSeanceRequest && (
        <OtherSeanceConfirmDialog
          verdict={otherSeanceRequest.verdict}
          onConfirm={() => {
            const { verdict } = otherSeanceRequest;
            setOtherSeanceRequest(null);
            // Only if it is still the verdict on screen (a scan closes this dialog, but be sure).
            if (admittable(desk.getState().panel)?.ledgerId === verdict.ledgerId) {
              desk.validate(verdict.token, verdict.booking, { acceptOtherSeance: true });
            }
          }}
          onCancel={() => setOtherSeanceRequest(null)}
        />
      )}
    </div>
  );
}

/**
 * The desk (`counterDesk.ts`) for this screen, and its state as React renders it. The core's answers are rendered
 * in the task that brought them (`flushSync`): left to React's scheduler, the verdict waited for a later task, often
 * behind a frame the page drew meanwhile (`npm run bench:scanner`).
 */
function useCounterDesk(onSettled: () => void) {
  const api = useApi();
  const [desk] = useState(() => createCounterDesk(api, onSettled));
  const [state, setState] = useState<CounterDeskState>(desk.getState);
  useEffect(
    () =>
      desk.subscribe((next, cause) => {
        if (cause === 'answer') flushSync(() => setState(next));
        else setState(next);
      }),
    [desk],
  );
  useEffect(() => desk.listen(), [desk]);
  return [desk, state] as const;
}
