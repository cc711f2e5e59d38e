/**
 * account.json is read as untrusted input: whatever is in the file, the counter starts (demo mode at worst) and
 * the log says why. It never holds the API key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_FILE, DEFAULT_ACCOUNT, createAccountStore } from '../../../electron/host/accountStore';
import { capturedLogger, tempDir } from './helpers';

const dirs: string[] = [];
function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const { logger, lines } = capturedLogger();
  return { dir, lines, store: createAccountStore(dir, logger), file: path.join(dir, ACCOUNT_FILE) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the account store', () => {
  it('gives the demo account, silently, when nothing was saved yet', () => {
    const { store, lines } = setup();
    expect(store.read()).toEqual(DEFAULT_ACCOUNT);
    expect(lines).toEqual([]);
  });

  it('reads back what it wrote', () => {
    const { store, file } = setup();
    const account = {
      environment: 'custom' as const,
      baseUrl: 'https://proxy.example.org/pass',
      venueIds: [12, 7],
      counterName: 'Caisse 2',
    };
    store.write(account);
    expect(store.read()).toEqual(account);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, ...account });
    expect(fs.readdirSync(path.dirname(file))).toEqual([ACCOUNT_FILE]); // no temporary file left behind
  });

  it.each([
    ['not JSON', '{"environment": "production", "venueIds": [1'],
    ['an empty file', ''],
    ['JSON of the wrong shape', '["production"]'],
    ['an unknown environment', '{"version":1,"environment":"staging","baseUrl":null,"venueIds":[],"counterName":null}'],
    [
      'a venue id that is not a number',
      '{"version":1,"environment":"production","baseUrl":null,"venueIds":["1"],"counterName":"C"}',
    ],
    ['a future version', '{"version":2,"environment":"production","baseUrl":null,"venueIds":[1],"counterName":"C"}'],
    [
      'a base URL that is not http(s)',
      '{"version":1,"environment":"custom","baseUrl":"file:///etc/passwd","venueIds":[1],"counterName":"C"}',
    ],
  ])('falls back to demo with a warning on %s', (_case, content) => {
    const { store, file, lines } = setup();
    fs.writeFileSync(file, content);
    expect(store.read()).toEqual(DEFAULT_ACCOUNT);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 40, file });
  });

  it('falls back to demo with a warning when the file cannot be read', () => {
    const { store, file, lines } = setup();
    fs.mkdirSync(file); // a folder where the file should be
    expect(store.read()).toEqual(DEFAULT_ACCOUNT);
    expect(lines.join('\n')).toMatch(/unreadable/);
  });

  it('refuses to write an account that would not read back', () => {
    const { store, file } = setup();
    expect(() => store.write({ ...DEFAULT_ACCOUNT, venueIds: [-1] })).toThrow();
    expect(fs.existsSync(file)).toBe(false);
  });
});
