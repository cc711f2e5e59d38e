/**
 * The API key at rest: a 0600 file (checked and fixed on every read) with a French warning where the OS offers no
 * encryption; only the ciphertext where it does. No log line ever holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ENCRYPTED_SECRET_FILE,
  PLAIN_SECRET_FILE,
  createSecretStore,
  type SecretCipher,
} from '../../../electron/host/secretStore';
import { capturedLogger, tempDir } from './helpers';

const KEY = 'integration_0a1b2c3d4e5f_' + 'c0ffee'.repeat(10) + 'beef';
const posix = process.platform !== 'win32';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function setup(cipher?: SecretCipher) {
  const dir = tempDir();
  dirs.push(dir);
  const { logger, lines } = capturedLogger();
  return { dir, lines, store: createSecretStore({ dir, logger, cipher }) };
}
const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** Stands in for safeStorage: "encrypts" by XOR so the plaintext never appears in the file. */
function fakeCipher(available = true): SecretCipher & { broken: boolean } {
  const xor = (b: Buffer) => Buffer.from(b.map((byte) => byte ^ 0x5a));
  const cipher = {
    broken: false,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => xor(Buffer.from(plain, 'utf8')),
    decryptString(encrypted: Buffer) {
      if (cipher.broken)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(encrypted).toString('utf8');
    },
  };
  return cipher;
}

describe('the key in a user-only file (browser mode, CLI, no keychain)', () => {
  it('is written 0600, read back, and comes with the French warning', async () => {
    const { dir, store } = setup();
    expect(store.kind).toBe('file');
    expect(store.warning).toBe(
      'La clé est enregistrée sans chiffrement dans un fichier lisible uniquement par votre compte utilisateur.',
    );
    expect(await store.read()).toBeNull();
    await store.write(KEY);
    const file = path.join(dir, PLAIN_SECRET_FILE);
    if (posix) expect(mode(file)).toBe(0o600);
    expect(await store.read()).toBe(KEY);
    expect(fs.readdirSync(dir)).toEqual([PLAIN_SECRET_FILE]);
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it.skipIf(!posix)(
    'restricts a file others could read back to 0600 on read, and says so without the key',
    async () => {
      const { dir, store, lines } = setup();
      const file = path.join(dir, PLAIN_SECRET_FILE);
      fs.writeFileSync(file, `${KEY}\n`);
      fs.chmodSync(file, 0o644);
      expect(await store.read()).toBe(KEY);
      expect(mode(file)).toBe(0o600);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/readable by others/);
      expect(lines.join('\n')).not.toContain(KEY);
      // The key may have been copied meanwhile: the manager is told to renew it, until a new key is saved.
      expect(store.exposed()).toBe(true);
      await store.write(`${KEY}new`);
      expect(store.exposed()).toBe(false);
    },
  );

  it.skipIf(!posix)('writes 0600 even under a permissive umask, replacing a wider file', async () => {
    const { dir, store } = setup();
    const file = path.join(dir, PLAIN_SECRET_FILE);
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o666);
    const previous = process.umask(0);
    try {
      await store.write(KEY);
    } finally {
      process.umask(previous);
    }
    expect(mode(file)).toBe(0o600);
  });

  it.skipIf(!posix)('ignores a symlink where the key should be', async () => {
    const { dir, store, lines } = setup();
    const elsewhere = path.join(dir, 'elsewhere');
    fs.writeFileSync(elsewhere, KEY);
    fs.symlinkSync(elsewhere, path.join(dir, PLAIN_SECRET_FILE));
    expect(await store.read()).toBeNull();
    expect(lines.join('\n')).toMatch(/not a regular file/);
  });
});

describe('the key encrypted by the OS (Electron safeStorage)', () => {
  it('keeps only the ciphertext, with no warning', async () => {
    const { dir, store } = setup(fakeCipher());
    expect(store.kind).toBe('os');
    expect(store.warning).toBeNull();
    await store.write(KEY);
    const file = path.join(dir, ENCRYPTED_SECRET_FILE);
    expect(fs.readFileSync(file).toString('latin1')).not.toContain(KEY);
    if (posix) expect(mode(file)).toBe(0o600);
    expect(await store.read()).toBe(KEY);
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('falls back to the user-only file when encryption is not available', async () => {
    const { store } = setup(fakeCipher(false));
    expect(store.kind).toBe('file');
    expect(store.warning).not.toBeNull();
  });

  it('moves a key left in clear by an earlier run into the encrypted store', async () => {
    const { dir, store } = setup(fakeCipher());
    fs.writeFileSync(path.join(dir, PLAIN_SECRET_FILE), KEY, { mode: 0o600 });
    expect(await store.read()).toBe(KEY);
    expect(fs.existsSync(path.join(dir, PLAIN_SECRET_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, ENCRYPTED_SECRET_FILE))).toBe(true);
    expect(await store.read()).toBe(KEY);
  });

  it('reads a ciphertext that no longer decrypts (keyring reset) as no key, logging no secret', async () => {
    const cipher = fakeCipher();
    const { store, lines } = setup(cipher);
    await store.write(KEY);
    cipher.broken = true;
    expect(await store.read()).toBeNull();
    expect(lines.join('\n')).toMatch(/cannot be decrypted/);
    expect(lines.join('\n')).not.toContain(KEY);
  });
});
