import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { Keystroke } from '../../../../shared/scanner/keystroke';
import { WEDGE_DEVICE } from '../../../../shared/scanner/layoutMemory';
import { useScanListener, useScanner, type ScanRecord, layoutLabel } from '../../../scanner/scannerContext';

const KEPT = 8;

/**
 * The scanner test page: every scan while Réglages is open, newest first, and nothing is looked up. Typing
 * into another field is not shown (it may be the API key).
 */
export function ScannerTestLog() {
  const { t } = useTranslation('ui');
  const { devices } = useScanner();
  const [records, setRecords] = useState<ScanRecord[]>([]);

  useScanListener((record) => {
    if (!record.isScan && record.focus !== 'other') return false;
    setRecords((previous) => [record, ...previous].slice(0, KEPT));
    return true;
  });

  const nameOf = (deviceId: string) =>
    deviceId === WEDGE_DEVICE
      ? t('scanner.settings.keyboard')
      : (devices?.devices.find((d) => d.id === deviceId)?.name ?? deviceId);

  return (
    <div className="scanner-test" data-testid="scanner-test">
      <h4 className="scanner-settings__subtitle">{t('scanner.settings.test_title')}</h4>
      <p className="scanner-test__hint">{t('scanner.settings.test_hint')}</p>
      {records.length === 0 ? (
        <p className="scanner-test__empty">{t('scanner.settings.test_empty')}</p>
      ) : (
        records.map((record) => <ScanRecordCard key={record.id} record={record} deviceName={nameOf(record.deviceId)} />)
      )}
    </div>
  );
}

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
function ScanRecordCard({ record, deviceName }: { record: ScanRecord; deviceName: string }) {
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

const milliseconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The raw keys of a burst: what the PC typed, which physical key, Shift, and the time since the previous key. */
function KeystrokeTable({ strokes }: { strokes: readonly Keystroke[] }) {
  const { t } = useTranslation('ui');
  return (
    <table className="keystroke-table" data-testid="keystroke-table">
      <thead>
        <tr>
          <th scope="col">{t('scanner.settings.column.key')}</th>
          <th scope="col">{t('scanner.settings.column.code')}</th>
          <th scope="col">{t('scanner.settings.column.shift')}</th>
          <th scope="col">{t('scanner.settings.column.gap')}</th>
        </tr>
      </thead>
      <tbody>
        {strokes.map((stroke, index) => {
          const previous = strokes[index - 1];
          return (
            <tr key={index}>
              <td>{stroke.key === ' ' ? '␣' : stroke.key}</td>
              <td>{stroke.code}</td>
              <td>{stroke.shift ? t('scanner.settings.yes') : ''}</td>
              <td>
                {previous ? t('scanner.settings.gap', { ms: milliseconds.format(stroke.at - previous.at) }) : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
