import type { ReadingSource } from '../../shared/scanner/readingSource';

/** "US (QWERTY)", or "français (AZERTY) ou belge (AZERTY)" when several agree (`typed` only says "as this PC"). */
export function layoutLabel(sources: readonly ReadingSource[], t: (key: string) => string): string {
  const layouts = sources.filter((s) => s !== 'typed');
  const named = layouts.length > 0 ? layouts : sources;
  return named.map((source) => t(`scanner.layout.${source}`)).join(t('scanner.layout.or'));
}
