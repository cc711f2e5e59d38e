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
