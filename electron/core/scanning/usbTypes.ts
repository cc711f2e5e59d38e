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

/**
 * The `usb` package: devices listed through its WebUSB object, and hotplug through its native emitter, whose
 * failures arrive as rejected promises. (Its WebUSB `connect` events would rethrow a hotplug failure from a
 * timer, out of reach, and take the whole engine down on a machine without hotplug support.)
 */
export interface UsbWatchable {
  getDevices(): Promise<UsbScannerDevice[]>;
  /** Calls back on each device plugged in, and with the handle of each unplugged; resolves to the way to stop. */
  watch(onAttach: (device: UsbScannerDevice) => void, onDetach: (handle: string) => void): Promise<() => Promise<void>>;
}

interface NativeEmitter {
  addAttach(callback: (device: unknown) => void): Promise<void>;
  removeAttach(): Promise<void>;
  addDetach(callback: (handle: string) => void): Promise<void>;
  removeDetach(): Promise<void>;
}

export async function loadWebUsb(): Promise<UsbWatchable> {
  // Loading the package also gives its native devices their WebUSB methods (open, transferIn…).
  const { WebUSB } = await import('usb');
  const webusb = new WebUSB({ allowAllDevices: true });
  const native = (await import('usb/index.js')) as unknown as { Emitter: new () => NativeEmitter };
  return {
    getDevices: async () => (await webusb.getDevices()) as unknown as UsbScannerDevice[],
    async watch(onAttach, onDetach) {
      const emitter = new native.Emitter();
      await emitter.addAttach((device) => onAttach(device as UsbScannerDevice));
      await emitter.addDetach(onDetach);
      return async () => {
        await emitter.removeAttach();
        await emitter.removeDetach();
      };
    },
  };
}
