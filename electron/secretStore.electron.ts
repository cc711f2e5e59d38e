/**
 * The API key store of the desktop app: encrypted with Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows,
 * libsecret/kwallet on Linux). Kept apart from electron/host/secretStore.ts so only this top-level host file imports
 * Electron. Must be called after `app.whenReady()`: safeStorage answers only then.
 */
import { safeStorage } from 'electron';
import type { Logger } from 'pino';
import { createSecretStore, type SecretCipher, type SecretStore } from './host/secretStore';

/**
 * On Linux without a keyring, Electron falls back to `basic_text`: a hard-coded password, i.e. no protection at all.
 * That case is treated as "no encryption", so the user gets the honest warning and a 0600 file instead.
 */
export function electronCipher(storage: typeof safeStorage = safeStorage): SecretCipher {
  return {
    isEncryptionAvailable: () =>
      storage.isEncryptionAvailable() &&
      !(process.platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text'),
    encryptString: (plain) => storage.encryptString(plain),
    decryptString: (encrypted) => storage.decryptString(encrypted),
  };
}

export function createElectronSecretStore(dir: string, logger: Logger): SecretStore {
  return createSecretStore({ dir, logger, cipher: electronCipher() });
}
