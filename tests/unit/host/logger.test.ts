/** The hosts' log redaction: wherever an API key sits in a logged object, the line carries "[secret]" instead. */
import { describe, expect, it } from 'vitest';
import { capturedLogger } from './helpers';

const KEY = `production_0123456789ab_${'ef'.repeat(32)}`;

describe('log redaction', () => {
  it.each([
    { apiKey: KEY },
    { target: { mode: 'live', apiKey: KEY } },
    { deps: { platform: { baseUrl: 'https://backend.passculture.app', apiKey: KEY } } },
    { platform: { apiKey: KEY } },
    { headers: { authorization: `Bearer ${KEY}` } },
    { request: { headers: { authorization: `Bearer ${KEY}` } } },
  ])('hides the key in %j', (fields) => {
    const { logger, lines } = capturedLogger();
    logger.info(fields, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(KEY);
    expect(lines[0]).toContain('[secret]');
  });
});
