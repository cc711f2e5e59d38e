/**
 * pino logger for the hosts: to a file in the data folder (the console stays for the one line a person
 * reads), with the API key redacted wherever it could appear.
 *
 * The log must never take the counter down: on a full disk a write error is swallowed (the log pauses and tries
 * again a little later) instead of killing the process. The file is rotated by size with `rotating-file-stream`
 * (guichet.log + 3 older ones of 5 MB: 20 MB at most), owner-only like the rest of the data folder.
 */
import type { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../core/db/privateFiles';

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

export const LOG_FILE = 'guichet.log';
const ROTATE_SIZE = '5M';
const ROTATED_KEPT = 3;
/** After a write error (disk full), how long the log stays quiet before trying again. */
const RETRY_AFTER_MS = 30_000;

/** A bearer token anywhere in a message or stack (fetch quotes invalid header values). */
const BEARER = /Bearer\s+\S+/gi;

/**
 * Errors as the log keeps them: name, message, code, stack — never `cause` (a transport error's cause may quote
 * request headers), and any "Bearer …" masked.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? error.replace(BEARER, 'Bearer [secret]') : error;
  const plain = error as Error & { code?: unknown; toJSON?: () => unknown };
  const json = typeof plain.toJSON === 'function' ? (plain.toJSON() as Record<string, unknown>) : {};
  return {
    ...json,
    type: error.name,
    message: error.message.replace(BEARER, 'Bearer [secret]'),
    ...(typeof plain.code === 'string' ? { code: plain.code } : {}),
    stack: error.stack?.replace(BEARER, 'Bearer [secret]'),
  };
}

/** Redaction and error serializers: what every host logger applies. */
export const LOGGER_OPTIONS = {
  redact: { paths: REDACTED_PATHS, censor: '[secret]' },
  serializers: { err: serializeError, error: serializeError },
};

export interface ResilientDestination extends DestinationStream {
  /** Why writing stopped, while it is stopped (for tests and support). */
  readonly failure: Error | null;
}

/**
 * A destination that survives write errors: the rotating stream is dropped on its first error and opened again
 * after RETRY_AFTER_MS; lines in between are lost, the process is not.
 */
export function createResilientDestination(open: () => Writable, retryAfterMs = RETRY_AFTER_MS): ResilientDestination {
  let stream: Writable | null = null;
  let failure: Error | null = null;
  let failedAt = 0;
  function fail(error: Error): void {
    failure = error;
    failedAt = performance.now();
    const broken = stream;
    stream = null;
    broken?.destroy();
  }
  return {
    get failure() {
      return failure;
    },
    write(line: string) {
      if (!stream) {
        if (failure && performance.now() - failedAt < retryAfterMs) return;
        try {
          const opened = open();
          opened.on('error', (error: Error) => {
            if (stream === opened) fail(error);
          });
          stream = opened;
          failure = null;
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
      }
      try {
        stream.write(line);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** `level` comes from the host configuration (LOG_LEVEL, config.ts). */
export function createFileLogger(logDir: string, level: string): Logger {
  ensurePrivateDir(logDir);
  const destination = createResilientDestination(() => {
    const stream = createStream(LOG_FILE, {
      path: logDir,
      size: ROTATE_SIZE,
      rotate: ROTATED_KEPT,
      mode: PRIVATE_FILE_MODE,
    });
    // A rotation that cannot rename or remove a file is a warning, not a reason to stop logging.
    stream.on('warning', () => {});
    return stream;
  });
  return pino({ level, ...LOGGER_OPTIONS }, destination);
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
