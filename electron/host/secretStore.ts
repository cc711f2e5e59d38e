/**
 * Where the pass Culture API key is kept between runs. The key stays in the host and the core: it is never part
 * of an answer to the renderer and never logged (not even its length or prefix).
 *
 * - Electron, when the OS offers encryption (Keychain, DPAPI, libsecret/kwallet): the key is encrypted with
 *   `safeStorage` (wired in electron/secretStore.electron.ts, the only place that may import Electron) and only the
 *   ciphertext is written, in `api-key.enc`.
 * - Otherwise (browser mode, CLI, Linux without a keyring): a plain file `api-key` readable by the user only
 *   (0600, checked and fixed on every read), and the account view carries a French warning saying so.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { t } from '../../shared/i18n';

export interface SecretStore {
  /** `os`: encrypted by the operating system; `file`: a user-only file in clear. */
  readonly kind: 'os' | 'file';
  /** French, for the Réglages screen, when the key is not encrypted at rest; null otherwise. */
  readonly warning: string | null;
  read(): Promise<string | null>;
  write(secret: string): Promise<void>;
  clear(): Promise<void>;
  /**
   * Whether the stored key was once found readable by other users (its mode was fixed then): it may have been
   * copied, so the manager is told to renew it, until a new key is saved.
   */
  exposed(): boolean;
}

/** What the store needs of Electron's `safeStorage` (kept as an interface so this module stays Electron-free). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const PLAIN_SECRET_FILE = 'api-key';
export const ENCRYPTED_SECRET_FILE = 'api-key.enc';
const USER_ONLY = 0o600;

type SecretLogger = Pick<Logger, 'warn'>;

export function keyFileWarning(): string {
  return t('account.key_file_warning');
}

/** A file readable by its owner only. On Windows modes mean little: the user profile folder protects it. */
export function createFileSecretStore(file: string, logger: SecretLogger): SecretStore {
  return {
    kind: 'file',
    warning: keyFileWarning(),
    async read() {
      const content = await readUserOnly(file, logger);
      const secret = content?.toString('utf8').trim() ?? '';
      return secret === '' ? null : secret;
    },
    write: (secret) => writeUserOnly(file, Buffer.from(secret, 'utf8')),
    clear: () => removeWithMarker(file),
    exposed: () => fs.existsSync(exposedMarker(file)),
  };
}

/** Beside the key file: present while a key that was readable by others is still the stored one. */
function exposedMarker(file: string): string {
  return `${file}.exposed`;
}

async function removeWithMarker(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
  await fs.promises.rm(exposedMarker(file), { force: true });
}

/** The key encrypted by the OS; a ciphertext that no longer decrypts (keyring reset) reads as "no key". */
export function createEncryptedSecretStore(file: string, cipher: SecretCipher, logger: SecretLogger): SecretStore {
  return {
    kind: 'os',
    warning: null,
    async read() {
      const content = await readUserOnly(file, logger);
      if (content === null || content.length === 0) return null;
      try {
        const secret = cipher.decryptString(content).trim();
        return secret === '' ? null : secret;
      } catch (error) {
        // The error names the keyring, never the plaintext; the key must be entered again.
        logger.warn({ file, err: error instanceof Error ? error.name : 'error' }, 'stored API key cannot be decrypted');
        return null;
      }
    },
    write: (secret) => writeUserOnly(file, cipher.encryptString(secret)),
    clear: () => removeWithMarker(file),
    exposed: () => fs.existsSync(exposedMarker(file)),
  };
}

export interface SecretStoreOptions {
  /** The base data folder (next to account.json). */
  dir: string;
  logger: SecretLogger;
  /** Electron's safeStorage when the host has it; absent in browser mode and the CLI. */
  cipher?: SecretCipher;
}

/**
 * Encrypted when a cipher is available, else the user-only file. A key left in clear by an earlier run without
 * encryption is moved into the encrypted store, so it does not linger on disk.
 */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const plainFile = path.join(options.dir, PLAIN_SECRET_FILE);
  const plain = createFileSecretStore(plainFile, options.logger);
  if (!options.cipher?.isEncryptionAvailable()) return plain;
  const encrypted = createEncryptedSecretStore(
    path.join(options.dir, ENCRYPTED_SECRET_FILE),
    options.cipher,
    options.logger,
  );
  return {
    ...encrypted,
    async read() {
      const secret = await encrypted.read();
      if (secret !== null) return secret;
      const legacy = await plain.read();
      if (legacy === null) return null;
      await encrypted.write(legacy);
      await plain.clear();
      return legacy;
    },
    async write(secret) {
      await encrypted.write(secret);
      await plain.clear();
    },
    async clear() {
      await encrypted.clear();
      await plain.clear();
    },
    exposed: () => encrypted.exposed() || plain.exposed(),
  };
}

/** Reads the file, first making sure only its owner can read it (fixing the mode, with a warning, if not). */
async function readUserOnly(file: string, logger: SecretLogger): Promise<Buffer | null> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!stat.isFile()) {
    // A symlink or a folder where the key should be: someone else could point it anywhere. Ignore it.
    logger.warn({ file }, 'API key file is not a regular file; ignored');
    return null;
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    await fs.promises.chmod(file, USER_ONLY);
    // Someone may have read it meanwhile: Réglages tells the manager to renew the key until a new one is saved.
    await fs.promises.writeFile(exposedMarker(file), `${new Date().toISOString()}\n`, { mode: USER_ONLY });
    logger.warn(
      { file, mode: (stat.mode & 0o777).toString(8) },
      'API key file was readable by others; restricted to its owner; the key should be renewed',
    );
  }
  return fs.promises.readFile(file);
}

/** Writes through a fresh temporary file created 0600, then renames: never a moment with wider permissions. */
async function writeUserOnly(file: string, content: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.promises.rm(temp, { force: true });
  await fs.promises.writeFile(temp, content, { mode: USER_ONLY, flag: 'wx' });
  // The umask cannot widen 0600, but a chmod makes the intent explicit on odd filesystems.
  await fs.promises.chmod(temp, USER_ONLY);
  await fs.promises.rename(temp, file);
  // A new key: the old one's exposure no longer matters.
  await fs.promises.rm(exposedMarker(file), { force: true });
}
