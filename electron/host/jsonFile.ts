/**
 * The app's own small JSON files (account.json, lan/lan.json, window.json): read as untrusted input, whatever wrote
 * them, and replaced whole, so a crash mid-write leaves the previous file, never half of one.
 */
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { zodIssueLines } from '../../shared/errorText';

/**
 * The file's content as `schema` reads it, or null: silently when there is no file yet; with a warning naming the
 * file, what is wrong and `fallback` (what the caller does instead) when it cannot be read, is not JSON or does not
 * match.
 */
export function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  logger: Pick<Logger, 'warn'>,
  fallback: string,
): T | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn({ file, err: String(error) }, `file unreadable; ${fallback}`);
    }
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn({ file }, `file is not JSON; ${fallback}`);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    logger.warn({ file, issues: zodIssueLines(parsed.error) }, `file does not match its schema; ${fallback}`);
    return null;
  }
  return parsed.data;
}

/** Replaces the file with `content` through a temporary file and a rename; its folder must exist. */
export function writeJsonFile(file: string, content: unknown, mode?: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, mode === undefined ? {} : { mode });
  fs.renameSync(temp, file);
}
