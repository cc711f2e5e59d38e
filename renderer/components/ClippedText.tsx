/** Longest text put in the page for one cell: names and titles are capped at ingest, other outside text is not. */
const SHOWN_MAX = 300;
/** What the tooltip shows (full text on demand, within reason). */
const TITLE_MAX = 2000;

/**
 * Outside text in a table cell (a name, a film, a platform's reason): one line with an ellipsis, the full text on
 * hover. A 100 kB value can never push a screen's layout apart.
 */
export function ClippedText({ text, className }: { text: string; className?: string }) {
  const shown = text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
  return (
    <span className={className ? `clip ${className}` : 'clip'} title={text.slice(0, TITLE_MAX)}>
      {shown}
    </span>
  );
}
