import { useTranslation } from '../../../i18n';
import { formatSeance } from '../../../../shared/dates';
import { code128Widths, QUIET_ZONE } from '../../../../shared/scanner/code128';
import { knownSources, WEDGE_DEVICE } from '../../../../shared/scanner/layoutMemory';
import { CALIBRATION_PAYLOAD } from '../../../../shared/scanner/payload';
import { useVenueTimeZone } from '../../../context/coreContext';
import { layoutLabel, useScanner } from '../../../scanner/scannerContext';
import { SettingsSection } from '../SettingsSection';
import { ScannerTestLog } from './ScannerTestLog';
import './scanner.css';

/** Réglages → Scanner: the learnt layout, the calibration code, dedicated scanners, and the test page. */
export function ScannerSettings() {
  const { t } = useTranslation('ui');
  return (
    <SettingsSection id="scanner" title={t('scanner.settings.title')} description={t('scanner.settings.description')}>
      <LayoutMemoryPanel />
      <div className="calibration-sheet">
        <h4 className="scanner-settings__subtitle">{t('scanner.settings.calibration_title')}</h4>
        <p>{t('scanner.settings.calibration_text')}</p>
        <CalibrationBarcode />
        <button type="button" className="button button--secondary calibration-sheet__print" onClick={printCalibration}>
          {t('scanner.settings.print')}
        </button>
      </div>
      <ScannerTestLog />
      <ScannerDeviceList />
    </SettingsSection>
  );
}

/** What the guichet knows of the keyboard-wedge scanner's layout, and the way to make it forget. */
function LayoutMemoryPanel() {
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

/** HID-POS and USB-serial scanners the core reads (keyboard-wedge scanners need no entry). */
function ScannerDeviceList() {
  const { t } = useTranslation('ui');
  const { devices, refreshDevices } = useScanner();
  const list = devices?.devices ?? [];
  return (
    <div className="scanner-devices">
      <h4 className="scanner-settings__subtitle">{t('scanner.settings.devices_title')}</h4>
      {devices?.usbError && (
        // The library's own words (LIBUSB_ERROR_…) are in the log; the screen says what it means.
        <p className="scanner-devices__note">{t('scanner.settings.usb_unavailable')}</p>
      )}
      {list.length === 0 ? (
        <p className="scanner-devices__note" data-testid="scanner-devices-none">
          {t('scanner.settings.devices_none')}
        </p>
      ) : (
        <ul className="scanner-devices__list" data-testid="scanner-devices">
          {list.map((device) => (
            <li key={device.id} className={`scanner-device scanner-device--${device.state}`}>
              <span className="scanner-device__name">{device.name}</span>
              <span className="scanner-device__state">{t(`scanner.device_state.${device.state}`)}</span>
              {device.state !== 'ready' && (
                <span className="scanner-device__detail">
                  {t(
                    device.state === 'no_access'
                      ? 'scanner.settings.device_no_access'
                      : 'scanner.settings.device_error',
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary" onClick={refreshDevices}>
        {t('scanner.settings.refresh')}
      </button>
    </div>
  );
}

const MODULE_PX = 2;
const HEIGHT_PX = 110;

/** The calibration payload as a Code 128, drawn with SVG rectangles (sharp on screen and on paper). */
function CalibrationBarcode() {
  const { t } = useTranslation('ui');
  const widths = code128Widths(CALIBRATION_PAYLOAD);
  const modules = widths.reduce((sum, w) => sum + w, 0) + 2 * QUIET_ZONE;
  const bars: { x: number; width: number }[] = [];
  let x = QUIET_ZONE;
  widths.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return (
    <figure className="calibration-barcode" data-testid="calibration-barcode">
      <svg
        role="img"
        aria-label={t('scanner.settings.calibration_alt')}
        viewBox={`0 0 ${modules} 1`}
        width={modules * MODULE_PX}
        height={HEIGHT_PX}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
      >
        <rect x={0} y={0} width={modules} height={1} fill="#fff" />
        {bars.map((bar) => (
          <rect key={bar.x} x={bar.x} y={0} width={bar.width} height={1} fill="#000" />
        ))}
      </svg>
      <figcaption className="calibration-barcode__text">{CALIBRATION_PAYLOAD}</figcaption>
    </figure>
  );
}

/**
 * Prints only the calibration sheet: a class on <html> turns on the print rules of scanner.css for this one
 * print, so other printing (entry slips) is unaffected.
 */
const PRINTING_CLASS = 'printing-calibration';

function printCalibration(): void {
  const root = document.documentElement;
  root.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', () => root.classList.remove(PRINTING_CLASS), { once: true });
  window.print();
}
