import type { PanelKind } from './counterPanel';

type IconKind = PanelKind | 'idle';

/**
 * Drawn paths (no icon font, no emoji font needed): an arrow through a door (to validate), check (validated),
 * calendar (another séance), clock, cross, warning, undo arrow, scan, question mark (offline, unknown here), check
 * with a clock (provisional), a struck-out barcode (not a countermark).
 */
const PATHS: Record<IconKind, string> = {
  valid: 'M3 12h11M10 7.5L14.5 12 10 16.5M15 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4',
  validated: 'M5 12.5l4.5 4.5L19 7.5',
  not_yet: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2.5',
  other_seance: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M12 13v3M12 18.2v.3',
  refused: 'M6 6l12 12M18 6L6 18',
  error: 'M12 3L2 20h20L12 3M12 10v4.5M12 17.2v.3',
  undone: 'M9 7L4 12l5 5M4 12h10a6 6 0 0 1 0 12h-2',
  unverifiable: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M9.3 9.4a2.8 2.8 0 1 1 4 2.5c-.8.4-1.3 1-1.3 1.9v.6M12 17.2v.3',
  foreign: 'M4 6v12M7 6v12M10 6v12M14 6v12M17 6v12M20 6v12M2 3l20 18',
  provisional: 'M3 13l4.5 4.5L14 11M18.5 3a3.8 3.8 0 1 0 0 7.6a3.8 3.8 0 1 0 0-7.6M18.5 5v1.9l1.2.9',
  idle: 'M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M7 12h10',
};

export function VerdictIcon({ kind }: { kind: IconKind }) {
  return (
    <svg className={`verdict-icon verdict-icon--${kind}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
