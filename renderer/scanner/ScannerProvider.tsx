/**
 * Scanners for the whole page: the keyboard-wedge capture, dedicated scanners' events from the core, the layout
 * memory (kept by the core, so it survives restarts and browser-mode ports), and the delivery of each scan to
 * whichever screen takes it. A scan no screen takes (journal, programme…) is handed to the guichet: `onUnclaimed`
 * opens it, and it picks the scan up when it subscribes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { events, type ScannerDevices } from '../../shared/contract';
import { analyseText } from '../../shared/scanner/analyseScan';
import { createDuplicateFilter } from '../../shared/scanner/duplicateFilter';
import {
  forgetLayout as forgotten,
  knownSources,
  rememberLayout,
  sameSources,
  WEDGE_DEVICE,
  type LayoutKnowledge,
} from '../../shared/scanner/layoutMemory';
import type { ReadingSource } from '../../shared/scanner/readingSource';
import type { FocusKind } from '../../shared/scanner/wedgeAssembler';
import type { WedgeBurst } from '../../shared/scanner/wedgeScanner';
import { useApi, useLinkState } from '../context/coreContext';
import {
  ScannerContext,
  type ScannerState,
  type ScanListener,
  type ScanRecord,
  type TokenReadListener,
} from './scannerContext';
import { useWedgeCapture } from './useWedgeCapture';

/** A scan kept for the guichet while it opens. */
const UNCLAIMED_FOR_MS = 3000;

export function ScannerProvider({ onUnclaimed, children }: { onUnclaimed: () => void; children: ReactNode }) {
  const api = useApi();
  const { reconnections } = useLinkState();
  const [layouts, setLayouts] = useState<LayoutKnowledge[]>([]);
  const [devices, setDevices] = useState<ScannerDevices | null>(null);
  // Read by key handlers between renders: refs, not state.
  const layoutsRef = useRef<LayoutKnowledge[]>([]);
  const listeners = useRef(new Set<ScanListener>());
  const tokenListeners = useRef(new Set<TokenReadListener>());
  const unclaimed = useRef<ScanRecord | null>(null);
  const nextId = useRef(1);
  const deviceRepeats = useRef(createDuplicateFilter());

  const applyLayouts = useCallback((next: LayoutKnowledge[]) => {
    layoutsRef.current = next;
    setLayouts(next);
  }, []);

  useEffect(() => {
    let isCurrent = true;
    void api.call('scanner.layout.get', {}).then((envelope) => {
      if (isCurrent && envelope.ok) applyLayouts(envelope.value.layouts);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, applyLayouts, reconnections]);

  const refreshDevices = useCallback(() => {
    void api.call('scanner.devices', {}).then((envelope) => {
      if (envelope.ok) setDevices(envelope.value);
    });
  }, [api]);
  useEffect(() => refreshDevices(), [refreshDevices, reconnections]);
  useEffect(
    () =>
      api.on('scanner.devices.changed', (payload: unknown) => {
        const parsed = events['scanner.devices.changed'].safeParse(payload);
        if (parsed.success) setDevices(parsed.data);
      }),
    [api],
  );

  const learn = useCallback(
    (sources: ReadingSource[], via: LayoutKnowledge['via']) => {
      const current = knownSources(layoutsRef.current, WEDGE_DEVICE);
      if (via === 'qr' && sameSources(current, sources)) return;
      // Used by the very next scan: the memory changes here, before the core has stored it.
      applyLayouts(
        rememberLayout(layoutsRef.current, { device: WEDGE_DEVICE, sources, via, learntAt: new Date().toISOString() }),
      );
      void api.call('scanner.layout.set', { device: WEDGE_DEVICE, sources, via }).then((envelope) => {
        if (envelope.ok) applyLayouts(envelope.value.layouts);
      });
    },
    [api, applyLayouts],
  );

  const publish = useCallback(
    (record: ScanRecord) => {
      let isTaken = false;
      for (const listener of listeners.current) isTaken = listener(record) || isTaken;
      const decision = record.analysis.decision.kind;
      if (!isTaken && record.isScan && !record.isRepeat && decision !== 'calibration') {
        unclaimed.current = record;
        onUnclaimed();
      }
    },
    [onUnclaimed],
  );

  const onBurst = useCallback(
    (result: WedgeBurst, focus: FocusKind) => {
      const decision = result.analysis.decision;
      if (result.isScan && !result.isRepeat) {
        if (decision.kind === 'calibration') learn(decision.learnt, 'calibration');
        else if (decision.kind === 'token' && decision.learnt) learn(decision.learnt, 'qr');
      }
      publish({
        id: nextId.current++,
        deviceId: WEDGE_DEVICE,
        receivedAt: Date.now(),
        isScan: result.isScan,
        isRepeat: result.isRepeat,
        burst: result.burst,
        focus,
        text: null,
        knownSources: knownSources(layoutsRef.current, WEDGE_DEVICE),
        analysis: result.analysis,
      });
    },
    [learn, publish],
  );

  // The link and the engine answer the first message after a pause slowly (bench:scanner's floor on its VM: 4–7 ms
  // 600 ms after the last message, 1.6–2.1 ms 30 ms after it). Announced while its keys come, the lookup follows
  // messages instead of a pause, and finds no sync page being written on the engine's thread (foreground.ts).
  // A QR payload whole before its suffix: the screen that will take the scan (the guichet) may start its lookup.
  // Only the guichet looks scans up (it listens for tokens read): on any other screen (the scanner test page, the
  // lock screen) an announcement would hold the engine's sync for a lookup that never comes.
  const underway = useMemo(
    () => ({
      onScanUnderway: () => {
        if (tokenListeners.current.size > 0) void api.call('counter.scanUnderway', {});
      },
      onTokenRead: (token: string) => tokenListeners.current.forEach((listener) => listener(token)),
    }),
    [api],
  );

  useWedgeCapture(onBurst, () => knownSources(layoutsRef.current, WEDGE_DEVICE), underway);

  useEffect(
    () =>
      api.on('scanner.scan', (payload: unknown) => {
        const parsed = events['scanner.scan'].safeParse(payload);
        if (!parsed.success) return;
        const { deviceId, text } = parsed.data;
        publish({
          id: nextId.current++,
          deviceId,
          receivedAt: Date.now(),
          isScan: true,
          isRepeat: deviceRepeats.current.isRepeat(`${deviceId}\n${text}`, performance.now()),
          burst: null,
          focus: null,
          text,
          knownSources: null,
          analysis: analyseText(text),
        });
      }),
    [api, publish],
  );

  const subscribe = useCallback((listener: ScanListener) => {
    listeners.current.add(listener);
    const pending = unclaimed.current;
    if (pending && Date.now() - pending.receivedAt < UNCLAIMED_FOR_MS && listener(pending)) unclaimed.current = null;
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const subscribeTokenRead = useCallback((listener: TokenReadListener) => {
    tokenListeners.current.add(listener);
    return () => {
      tokenListeners.current.delete(listener);
    };
  }, []);

  const forgetLayout = useCallback(
    (device: string) => {
      applyLayouts(forgotten(layoutsRef.current, device));
      void api.call('scanner.layout.set', { device, sources: null, via: 'calibration' }).then((envelope) => {
        if (envelope.ok) applyLayouts(envelope.value.layouts);
      });
    },
    [api, applyLayouts],
  );

  const state = useMemo<ScannerState>(
    () => ({ subscribe, subscribeTokenRead, layouts, forgetLayout, devices, refreshDevices }),
    [subscribe, subscribeTokenRead, layouts, forgetLayout, devices, refreshDevices],
  );
  return <ScannerContext value={state}>{children}</ScannerContext>;
}
