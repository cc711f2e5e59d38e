import { useTranslation } from 'react-i18next';
import { knownSources, WEDGE_DEVICE } from '../../../../shared/scanner/layoutMemory';
import { formatSeance } from '../../../../shared/dates';
import { useVenueTimeZone } from '../../../context/coreContext';
import { layoutLabel, useScanner } from '../../../scanner/scannerContext';

/** What the guichet knows of the keyboard-wedge scanner's layout, and the way to make it forget. */
export function LayoutMemoryPanel() {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const { layouts, forgetLayout } = useScanner();
  const entry = layouts.find((known) => known.device === WEDGE_DEVICE);
  const sources = knownSources(layouts, WEDGE_DEVICE);
  return (
    <div className="scanner-layout">
      <h4 className="scanner-settings__subtitle">{t('scanner.settings.layout_title')}</h4>
      {entry && sources ? (
        <div className="scanner-layout__known">
          <p data-testid="scanner-layout">
            {t('scanner.settings.layout_known', {
              layout: layoutLabel(sources, t),
              via: t(`scanner.settings.layout_via.${entry.via}`),
              when: formatSeance(entry.learntAt, timeZone),
            })}
          </p>
          <button
            type="button"
            className="button button--secondary"
            data-testid="scanner-forget"
            onClick={() => forgetLayout(WEDGE_DEVICE)}
          >
            {t('scanner.settings.forget')}
          </button>
        </div>
      ) : (
        <p data-testid="scanner-layout">{t('scanner.settings.layout_unknown')}</p>
      )}
    </div>
  );
}
