/**
 * How an error becomes text, written once: a caught value may be anything (`throw 'x'` exists), and zod's issues
 * read as `path: message` lines in logs and configuration messages.
 */
import type { z } from 'zod';

/** The message of a caught value: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `Name: message` of a caught value, for the log (the name tells a timeout from a reset). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** zod's issues as `{ path: 'a.b', message }`, e.g. for a log or an error body. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** zod's issues as lines `a.b<separator>message`. */
export function zodIssueLines(error: z.ZodError, separator = ': '): string[] {
  return zodIssues(error).map((issue) => `${issue.path}${separator}${issue.message}`);
}
