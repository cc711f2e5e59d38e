import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { DiscoveredPrinters } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { PRINTER_KINDS, type PrinterChoice } from './printerChoice';

interface PrinterChoiceFieldsProps {
  choice: PrinterChoice;
  systemPrinting: boolean;
  onChange: (choice: PrinterChoice) => void;
}

/** The printer's type, then what that type needs: an address, a USB device (found by a search), an OS printer… */
export function PrinterChoiceFields({ choice, systemPrinting, onChange }: PrinterChoiceFieldsProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [found, setFound] = useState<DiscoveredPrinters | null>(null);
  const [searching, setSearching] = useState(false);
  const set = (patch: Partial<PrinterChoice>) => onChange({ ...choice, ...patch });

  async function discover(): Promise<void> {
    setSearching(true);
    const envelope = await api.call('printer.discover', {});
    setSearching(false);
    if (envelope.ok) setFound(envelope.value);
  }

  const searchButton = (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={searching}
      onClick={() => void discover()}
    >
      {searching ? t('printing.settings.discovering') : t('printing.settings.discover')}
    </button>
  );

  return (
    <>
      <div>
        <label htmlFor="printer-kind">{t('printing.settings.printer')}</label>
        <select
          id="printer-kind"
          data-testid="printer-kind"
          value={choice.kind}
          onChange={(event) => set({ kind: PRINTER_KINDS.find((k) => k === event.target.value) ?? 'none' })}
        >
          {PRINTER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`printing.settings.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {choice.kind === 'tcp' && (
        <div className="printing__row">
          <div>
            <label htmlFor="printer-host">{t('printing.settings.host')}</label>
            <input
              id="printer-host"
              type="text"
              data-testid="printer-host"
              value={choice.host}
              onChange={(e) => set({ host: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="printer-port">{t('printing.settings.port')}</label>
            <input
              id="printer-port"
              type="number"
              min={1}
              max={65535}
              value={choice.port}
              onChange={(e) => set({ port: e.target.value })}
            />
          </div>
        </div>
      )}
      {choice.kind === 'usb' && (
        <div>
          <label htmlFor="printer-usb">{t('printing.settings.usb_manual')}</label>
          <input
            id="printer-usb"
            type="text"
            placeholder="04b8:0202"
            value={choice.usbId}
            onChange={(e) => set({ usbId: e.target.value })}
          />
          <div className="printing__row">{searchButton}</div>
          {found && found.usb.length > 0 && (
            <select
              aria-label={t('printing.settings.usb_device')}
              value=""
              onChange={(e) => set({ usbId: e.target.value.replace('usb://', '') })}
            >
              <option value="">{t('printing.settings.usb_choose')}</option>
              {found.usb.map((p) => (
                <option key={p.spec} value={p.spec}>
                  {p.name} ({p.spec.replace('usb://', '')})
                </option>
              ))}
            </select>
          )}
          {found && found.usb.length === 0 && (
            <p className="printing__note">{found.usbError ?? t('printing.settings.none_found')}</p>
          )}
        </div>
      )}
      {choice.kind === 'system' &&
        (systemPrinting ? (
          <div>
            <label htmlFor="printer-system">{t('printing.settings.system_printer')}</label>
            <select
              id="printer-system"
              value={choice.systemName}
              onChange={(e) => set({ systemName: e.target.value })}
              onFocus={() => found === null && void discover()}
            >
              {choice.systemName && <option value={choice.systemName}>{choice.systemName}</option>}
              {found?.system
                .filter((p) => p.name !== choice.systemName)
                .map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.isDefault ? t('printing.settings.system_default', { name: p.name }) : p.name}
                  </option>
                ))}
            </select>
            <div className="printing__row">{searchButton}</div>
          </div>
        ) : (
          <p className="printing__note">{t('printing.settings.system_unavailable')}</p>
        ))}
      {choice.kind === 'serial' && (
        <div className="printing__row">
          <div>
            <label htmlFor="printer-serial">{t('printing.settings.serial_path')}</label>
            <input
              id="printer-serial"
              type="text"
              placeholder="COM3"
              value={choice.serialPath}
              onChange={(e) => set({ serialPath: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="printer-baud">{t('printing.settings.baud')}</label>
            <input
              id="printer-baud"
              type="number"
              value={choice.baudRate}
              onChange={(e) => set({ baudRate: e.target.value })}
            />
          </div>
        </div>
      )}
    </>
  );
}
