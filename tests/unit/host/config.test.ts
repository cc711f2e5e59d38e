import { describe, expect, it } from 'vitest';
import { accountDataDir } from '../../../electron/host/bootstrap';
import { ConfigError, logLevelFrom, PRODUCTION_API_URL, readHostConfig } from '../../../electron/host/config';

describe('host configuration from the environment', () => {
  it('runs in demo mode when no key is given', () => {
    expect(readHostConfig({})).toMatchObject({
      mode: 'demo',
      apiKey: null,
      apiUrl: null,
      port: 0,
      counterName: 'Caisse 1',
    });
  });

  it('uses production by default when a key is given', () => {
    expect(readHostConfig({ PASSCULTURE_API_KEY: 'k' })).toMatchObject({ mode: 'live', apiUrl: PRODUCTION_API_URL });
  });

  it('reads port, venue, data folder and counter name', () => {
    expect(
      readHostConfig({
        PASSCULTURE_API_KEY: 'k',
        PASSCULTURE_API_URL: 'https://backend.integration.passculture.pro',
        COUNTER_PORT: '8123',
        COUNTER_VENUE_ID: '42',
        COUNTER_DATA_DIR: '/tmp/x',
        COUNTER_NAME: 'Caisse 2',
      }),
    ).toMatchObject({ port: 8123, venueId: 42, dataDir: '/tmp/x', counterName: 'Caisse 2' });
  });

  it.each([
    [{ COUNTER_PORT: 'abc' }, /COUNTER_PORT/],
    [{ COUNTER_PORT: '70000' }, /COUNTER_PORT/],
    [{ COUNTER_VENUE_ID: '-3' }, /COUNTER_VENUE_ID/],
    [{ PASSCULTURE_API_KEY: 'k', PASSCULTURE_API_URL: 'ftp://x' }, /PASSCULTURE_API_URL/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readHostConfig(env)).toThrow(ConfigError);
    expect(() => readHostConfig(env)).toThrow(message);
  });

  it('keeps demo, production and integration data apart', () => {
    const dirs = new Set([
      accountDataDir('/d', 'demo', null),
      accountDataDir('/d', 'live', 'https://backend.passculture.app'),
      accountDataDir('/d', 'live', 'https://backend.integration.passculture.pro'),
    ]);
    expect(dirs.size).toBe(3);
  });
});

describe('PASSCULTURE_API_KEY shape (issue 11)', () => {
  it('refuses at start a key that is not a valid header value, in French and without echoing it', () => {
    const key = 'production_0123456789ab_cdcd\nsecret';
    expect(() => readHostConfig({ PASSCULTURE_API_KEY: key })).toThrow(/espaces, des retours à la ligne/);
    try {
      readHostConfig({ PASSCULTURE_API_KEY: key });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});

describe('LOG_LEVEL and SANDBOX_PORT', () => {
  it('reads the log level (info by default) and refuses an unknown one', () => {
    expect(readHostConfig({}).logLevel).toBe('info');
    expect(readHostConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(logLevelFrom({ LOG_LEVEL: ' warn ' })).toBe('warn');
    expect(logLevelFrom({})).toBe('info');
    expect(() => readHostConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => logLevelFrom({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('gives the stand-alone sandbox SANDBOX_PORT, else COUNTER_PORT, else a free port', () => {
    expect(readHostConfig({}).sandboxPort).toBe(0);
    expect(readHostConfig({ COUNTER_PORT: '8080' }).sandboxPort).toBe(8080);
    expect(readHostConfig({ COUNTER_PORT: '8080', SANDBOX_PORT: '5055' }).sandboxPort).toBe(5055);
    expect(() => readHostConfig({ SANDBOX_PORT: 'abc' })).toThrow(ConfigError);
  });
});
