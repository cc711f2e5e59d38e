/**
 * The parts of the `usb` package's WebUSB API (3.x) the scanners use, as structural types: tests pass fakes,
 * and the real module is only loaded when dedicated scanners are first asked for.
 */
export interface UsbEndpointInfo {
  endpointNumber: number;
  direction: string;
  type: string;
  packetSize: number;
}

export interface UsbInterfaceInfo {
  interfaceNumber: number;
  alternate: {
    interfaceClass: number;
    interfaceSubclass: number;
    interfaceProtocol: number;
    endpoints: UsbEndpointInfo[];
  };
}

export interface UsbControlSetup {
  requestType: 'standard' | 'class' | 'vendor';
  recipient: 'device' | 'interface' | 'endpoint' | 'other';
  request: number;
  value: number;
  index: number;
}

export interface UsbScannerDevice {
  /** Stable while plugged in (the `usb` package hands out new objects for the same device). */
  readonly handle?: string;
  vendorId: number;
  productId: number;
  productName?: string | null;
  manufacturerName?: string | null;
  serialNumber?: string | null;
  readonly configuration: { interfaces: UsbInterfaceInfo[] } | null | undefined;
  open(): Promise<void>;
  close(): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  /** Linux only (usbhid holds HID interfaces); absent or throwing elsewhere. */
  detachKernelDriver?(interfaceNumber: number): Promise<void>;
  attachKernelDriver?(interfaceNumber: number): Promise<void>;
  controlTransferIn(setup: UsbControlSetup, length: number): Promise<{ data?: DataView; status: string }>;
  controlTransferOut(setup: UsbControlSetup, data: Uint8Array): Promise<{ status: string }>;
  transferIn(endpoint: number, length: number, timeoutMs?: number): Promise<{ data?: DataView; status: string }>;
}

export interface UsbConnectionEventLike {
  device: UsbScannerDevice;
}

/** A `WebUSB` instance (`new WebUSB({ allowAllDevices: true })`): devices, and hotplug as events. */
export interface UsbWatchable {
  getDevices(): Promise<UsbScannerDevice[]>;
  addEventListener(type: 'connect' | 'disconnect', listener: (event: UsbConnectionEventLike) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (event: UsbConnectionEventLike) => void): void;
}

export async function loadWebUsb(): Promise<UsbWatchable> {
  const { WebUSB } = await import('usb');
  return new WebUSB({ allowAllDevices: true }) as unknown as UsbWatchable;
}
