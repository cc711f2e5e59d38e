/**
 * How the cashier left the guichet's window — maximised or not, and its place and size (normal bounds, in DIPs) —
 * kept in `window.json` in Electron's user data folder so the next launch opens it the same way, on the same screen
 * (windowPlacement.ts decides whether that place still exists). Read as untrusted input: a missing, unreadable or
 * damaged file means "nothing saved" (the window then opens as on a first launch), never a failed start. A file of
 * version 1 (maximised or not, no place) still reads. Electron-free, so it is tested under Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './host/jsonFile';
import type { Rect, SavedWindow } from './windowPlacement';

export const WINDOW_STATE_FILE = 'window.json';

/** Far beyond any screen layout: a coordinate or size outside this is damage, not a place. */
const FAR = 100_000;
const coordinate = z.number().int().min(-FAR).max(FAR);
const length = z.number().int().min(1).max(FAR);
const boundsSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length });

/** Either version, read as what the window needs (a version-1 file kept no place). */
const windowStateSchema = z
  .union([
    z.object({ version: z.literal(1), maximized: z.boolean() }),
    z.object({ version: z.literal(2), maximized: z.boolean(), bounds: boundsSchema.nullable() }),
  ])
  .transform((v): SavedWindow => ({ maximized: v.maximized, bounds: 'bounds' in v ? v.bounds : null }));

export interface WindowStateStore {
  /** How the window was when it was last closed (null when unknown). */
  saved(): SavedWindow | null;
  /** Remembers it, atomically (a crash mid-write leaves the previous file); a failure is logged, never thrown. */
  remember(state: SavedWindow): void;
}

/** Whole DIPs: Electron gives integers, but the file must read back whatever wrote it. */
const rounded = (bounds: Rect): Rect => ({
  x: Math.round(bounds.x),
  y: Math.round(bounds.y),
  width: Math.round(bounds.width),
  height: Math.round(bounds.height),
});

export function createWindowStateStore(dir: string, logger: Pick<Logger, 'warn'>): WindowStateStore {
  const file = path.join(dir, WINDOW_STATE_FILE);
  return {
    saved() {
      return readJsonFile(file, windowStateSchema, logger, 'the window opens with its default size');
    },
    remember({ maximized, bounds }) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        writeJsonFile(file, { version: 2, maximized, bounds: bounds && rounded(bounds) });
      } catch (error) {
        logger.warn({ file, err: String(error) }, 'window state not saved');
      }
    },
  };
}
