/**
 * pino logger for the hosts: to a file in the data folder (the console stays for the one line a person
 * reads), with the API key redacted wherever it could appear.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  // Two levels down too: an account target or core deps logged whole ({deps: {platform: {apiKey}}}).
  '*.*.apiKey',
  'platform.apiKey',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export function createFileLogger(logDir: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  fs.mkdirSync(logDir, { recursive: true });
  const destination = pino.destination({ dest: path.join(logDir, 'guichet.log'), mkdir: true, sync: false });
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[secret]' } }, destination);
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
