/**
 * Whether the cashier left the guichet's window maximised, kept in `window.json` in Electron's user data folder so
 * the next launch opens it the same way. Read as untrusted input: a missing, unreadable or damaged file means "not
 * maximised" (the window then opens as on a first launch), never a failed start. Electron-free, so it is tested
 * under Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './host/jsonFile';

export const WINDOW_STATE_FILE = 'window.json';

const windowStateSchema = z.object({ version: z.literal(1), maximized: z.boolean() });

export interface WindowStateStore {
  /** Whether the window was maximised when it was last closed (false when unknown). */
  wasMaximized(): boolean;
  /** Remembers it, atomically (a crash mid-write leaves the previous file); a failure is logged, never thrown. */
  remember(maximized: boolean): void;
}

export function createWindowStateStore(dir: string, logger: Pick<Logger, 'warn'>): WindowStateStore {
  const file = path.join(dir, WINDOW_STATE_FILE);
  return {
    wasMaximized() {
      return (
        readJsonFile(file, windowStateSchema, logger, 'the window opens with its default size')?.maximized ?? false
      );
    },
    remember(maximized) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        writeJsonFile(file, { version: 1, maximized });
      } catch (error) {
        logger.warn({ file, err: String(error) }, 'window state not saved');
      }
    },
  };
}
