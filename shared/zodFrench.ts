/**
 * zod's explanations in French, for the messages a person may read (invalid contract input, configuration).
 * zod ships the French locale; it is applied per parse so the rest of the program keeps zod's defaults.
 */
import { z } from 'zod';

const french = z.locales.fr().localeError;

/** `schema.safeParse(input)`, with zod's own messages in French. */
export function safeParseInFrench<S extends z.ZodType>(schema: S, input: unknown) {
  return schema.safeParse(input, { error: french });
}

/** One readable line: "Entrée invalide : … → à token ; …". */
export function frenchParseError(error: z.ZodError): string {
  return z
    .prettifyError(error)
    .split('\n')
    .map((line) => line.replace(/^✖ /, '').replace(/^\s*→ at (.*)$/, '(champ « $1 »)'))
    .join(' ')
    .trim();
}
