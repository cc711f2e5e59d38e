import { useTranslation } from 'react-i18next';
import { WEDGE_DEVICE } from '../../../../shared/scanner/layoutMemory';
import { layoutLabel, type ScanRecord } from '../../../scanner/scannerContext';
import { KeystrokeTable } from './KeystrokeTable';

function useDecisionText(record: ScanRecord): string {
  const { t } = useTranslation('ui');
  const decision = record.analysis.decision;
  switch (decision.kind) {
    case 'token':
      return `${t(decision.form === 'qr' ? 'scanner.settings.decision.token_qr' : 'scanner.settings.decision.token', {
        token: decision.token,
      })} — ${t(`scanner.settings.basis.${decision.basis}`)}`;
    case 'ambiguous':
      return t('scanner.settings.decision.ambiguous', { candidates: decision.candidates.join(', ') });
    case 'calibration':
      return t('scanner.settings.decision.calibration', { layout: layoutLabel(decision.learnt, t) });
    case 'not_a_countermark':
      return t('scanner.settings.decision.not_a_countermark');
  }
}

/** One scan on the test page: device, rhythm, raw keys, every reading, and the decoder's verdict. */
export function ScanRecordCard({ record, deviceName }: { record: ScanRecord; deviceName: string }) {
  const { t } = useTranslation('ui');
  const decision = useDecisionText(record);
  const burst = record.burst;
  const rhythm = !record.isScan
    ? t('scanner.settings.typing')
    : burst?.rhythm === 'slow'
      ? t('scanner.settings.scan_slow')
      : t('scanner.settings.scan_fast');
  return (
    <article className="scan-record" data-testid="scan-record" data-device={record.deviceId}>
      <header className="scan-record__head">
        <strong>{deviceName}</strong>
        <span>{rhythm}</span>
        {burst && <span>{t(`scanner.settings.end.${burst.end}`, { key: burst.suffix ?? '' })}</span>}
        {record.isRepeat && <span className="scan-record__repeat">{t('scanner.settings.repeat')}</span>}
      </header>
      <p className="scan-record__decision" data-testid="scan-decision">
        {decision}
      </p>
      <details className="scan-record__details" open={record.deviceId === WEDGE_DEVICE}>
        <summary>{t('scanner.settings.readings_title')}</summary>
        <dl className="scan-record__readings">
          {record.analysis.readings.map((reading) => (
            <div key={reading.source} className={reading.match ? 'scan-reading scan-reading--match' : 'scan-reading'}>
              <dt>{burst ? t(`scanner.settings.reading.${reading.source}`) : t('scanner.settings.received')}</dt>
              <dd>
                <code>{reading.text}</code>
              </dd>
            </div>
          ))}
        </dl>
        {/* Key codes and milliseconds are for the support desk: folded away unless asked for. */}
        {burst && (
          <details className="scan-record__keys">
            <summary>{t('scanner.settings.keys_title')}</summary>
            <KeystrokeTable strokes={burst.strokes} />
          </details>
        )}
      </details>
    </article>
  );
}
