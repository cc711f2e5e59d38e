import { useTranslation } from 'react-i18next';
import type { Keystroke } from '../../../../shared/scanner/keystroke';

const milliseconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The raw keys of a burst: what the PC typed, which physical key, Shift, and the time since the previous key. */
export function KeystrokeTable({ strokes }: { strokes: readonly Keystroke[] }) {
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
