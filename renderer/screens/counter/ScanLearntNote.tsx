import { useTranslation } from 'react-i18next';
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import { layoutLabel } from '../../scanner/layoutLabel';
import './scanQuestion.css';

/** After the calibration code was scanned at the guichet: which layout the scanner turned out to use. */
export function ScanLearntNote({ sources }: { sources: readonly ReadingSource[] }) {
  const { t } = useTranslation('ui');
  return (
    <p className="scan-learnt" data-testid="scan-learnt" role="status">
      {t('scanner.calibrated', { layout: layoutLabel(sources, t) })}
    </p>
  );
}
