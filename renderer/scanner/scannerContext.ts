/** The page's scanners as the screens see them: scan records, the subscription, the layout memory, the devices. */
import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { TFunction } from 'i18next';
import type { ScannerDevices } from '../../shared/contract';
import type { LayoutKnowledge } from '../../shared/scanner/layoutMemory';
import type { ScanAnalysis } from '../../shared/scanner/analyseScan';
import type { ReadingSource } from '../../shared/scanner/readingSource';
import type { Burst, FocusKind } from '../../shared/scanner/wedgeAssembler';

/** One burst of keys or one dedicated scanner's read, with what the decoder made of it. */
export interface ScanRecord {
  id: number;
  /** `keyboard` (WEDGE_DEVICE) or a dedicated scanner's id. */
  deviceId: string;
  /** Wall-clock time, for the test page. */
  receivedAt: number;
  isScan: boolean;
  isRepeat: boolean;
  /** Keyboard wedge only: the keys, with their timings. */
  burst: Burst | null;
  /** Where the keys landed (typing in another field is not shown on the test page). */
  focus: FocusKind | null;
  /** Dedicated scanners only: the characters as sent. */
  text: string | null;
  /** The layout that was remembered when this was decoded. */
  knownSources: readonly ReadingSource[] | null;
  analysis: ScanAnalysis;
}

/** Answers true when it has dealt with the record (the guichet took the scan, the test page showed it). */
export type ScanListener = (record: ScanRecord) => boolean;

/** The token of a QR payload a keyboard-wedge scan holds whole, heard before the scan ends (its suffix). */
export type TokenReadListener = (token: string) => void;

export interface ScannerState {
  /** Subscribes to every burst and dedicated scan; a scan nobody takes is kept briefly for the next subscriber. */
  subscribe(listener: ScanListener): () => void;
  /** Subscribes to tokens read before their scan ends; the scan itself still comes through `subscribe`. */
  subscribeTokenRead(listener: TokenReadListener): () => void;
  layouts: LayoutKnowledge[];
  forgetLayout(device: string): void;
  /** Null until the core first answered. */
  devices: ScannerDevices | null;
  refreshDevices(): void;
}

export const ScannerContext = createContext<ScannerState | null>(null);

export function useScanner(): ScannerState {
  const state = useContext(ScannerContext);
  if (!state) throw new Error('ScannerContext is not provided');
  return state;
}

/** Calls `listener` for each scan record while the component is mounted. */
export function useScanListener(listener: (record: ScanRecord) => boolean): void {
  const { subscribe } = useScanner();
  const onRecord = useEffectEvent(listener);
  useEffect(() => subscribe((record) => onRecord(record)), [subscribe]);
}

/** Calls `listener` with each token read before its scan ends, while the component is mounted. */
export function useTokenReadListener(listener: TokenReadListener): void {
  const { subscribeTokenRead } = useScanner();
  const onToken = useEffectEvent(listener);
  useEffect(() => subscribeTokenRead((token) => onToken(token)), [subscribeTokenRead]);
}

/** "US (QWERTY)", or "français (AZERTY) ou belge (AZERTY)" when several agree (`typed` only says "as this PC"). */
export function layoutLabel(sources: readonly ReadingSource[], t: TFunction<'ui'>): string {
  const layouts = sources.filter((s) => s !== 'typed');
  const named = layouts.length > 0 ? layouts : sources;
  return named.map((source) => t(`scanner.layout.${source}`)).join(t('scanner.layout.or'));
}
