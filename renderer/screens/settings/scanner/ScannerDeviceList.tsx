import { useTranslation } from 'react-i18next';
import { useScanner } from '../../../scanner/scannerContext';

/** HID-POS and USB-serial scanners the core reads (keyboard-wedge scanners need no entry). */
export function ScannerDeviceList() {
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
