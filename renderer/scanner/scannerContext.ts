import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { ScannerDevices } from '../../shared/contract';
import type { LayoutKnowledge } from '../../shared/scanner/layoutMemory';
import type { ScanListener, ScanRecord } from './scanRecord';

export interface ScannerState {
  /** Subscribes to every burst and dedicated scan; a scan nobody takes is kept briefly for the next subscriber. */
  subscribe(listener: ScanListener): () => void;
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
