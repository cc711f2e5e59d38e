import { useTranslation } from 'react-i18next';
import { useScanner } from '../scanner/scannerContext';

/**
 * Dedicated scanners in the status bar: their names while plugged in, or what is wrong with one. A live region,
 * so plugging one in or out is announced. Keyboard-wedge scanners are keyboards: nothing to show.
 */
export function ScannerStatus() {
  const { t } = useTranslation('ui');
  const { devices } = useScanner();
  const list = devices?.devices ?? [];
  const problem = list.find((device) => device.state !== 'ready');
  const ready = list.filter((device) => device.state === 'ready').map((device) => device.name);
  return (
    <span className="status-line__scanners" data-testid="scanner-status" role="status">
      {problem
        ? t('scanner.status.problem', { name: problem.name, state: t(`scanner.device_state.${problem.state}`) })
        : ready.length > 0
          ? t('scanner.status.devices', { names: ready.join(', ') })
          : ''}
    </span>
  );
}
