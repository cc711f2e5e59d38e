/** The transport for a printer spec, with what the host provides (OS printing, USB and serial access). */
import type { Dialect } from './escpos';
import type { PrinterSpec } from './printerSpec';
import { createSerialTransport, type SerialPortFactory } from './serialTransport';
import type { PrinterStatus } from './status';
import { createSystemTransport, type SystemPrinterHost } from './systemTransport';
import { createTcpTransport } from './tcpTransport';
import { PrintFailure, type PrinterTransport } from './transport';
import { createUsbTransport, type UsbBackend } from './usbTransport';
import type { VirtualPrinter } from './virtualPrinter';

export interface TransportHost {
  virtual: VirtualPrinter;
  system?: SystemPrinterHost;
  usb?: UsbBackend;
  serialPort?: SerialPortFactory;
  tcp?: { connectTimeoutMs?: number; replyTimeoutMs?: number; jobTimeoutMs?: number };
}

const noPrinter: PrinterTransport = {
  kind: 'none',
  status: async (): Promise<PrinterStatus> => ({ state: 'none', paperNearEnd: false }),
  print: async () => {
    throw new PrintFailure('no_printer');
  },
  close: async () => {},
};

export function openTransport(spec: PrinterSpec, dialect: Dialect, host: TransportHost): PrinterTransport {
  // Real-time status (DLE EOT) is an Epson ESC/POS command; Star Line Mode printers do not answer it.
  const realTimeStatus = dialect === 'epson';
  switch (spec.kind) {
    case 'none':
      return noPrinter;
    case 'virtual':
      return host.virtual;
    case 'tcp':
      return createTcpTransport({ host: spec.host, port: spec.port, realTimeStatus, ...host.tcp });
    case 'usb':
      return createUsbTransport({
        vendorId: spec.vendorId,
        productId: spec.productId,
        realTimeStatus,
        backend: host.usb,
      });
    case 'system':
      return createSystemTransport(spec.name, host.system);
    case 'serial':
      return createSerialTransport({
        path: spec.path,
        baudRate: spec.baudRate,
        realTimeStatus,
        openPort: host.serialPort,
      });
  }
}
