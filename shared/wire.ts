/**
 * Browser-mode wire format: the contract carried over one WebSocket (`/ws?session=<token>`).
 * The renderer sends requests; the host answers each with the envelope the core produced, and pushes events.
 */
import { z } from 'zod';

export const wsRequestSchema = z.object({ id: z.number().int(), name: z.string(), input: z.unknown() });

export const wsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int(), envelope: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  /** The host could not read a frame as a request (no id to answer to). */
  z.object({
    type: z.literal('error'),
    id: z.null(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type WsMessage = z.infer<typeof wsMessageSchema>;

/**
 * Largest message the browser-mode host takes from the page, in bytes. A programme write may carry a poster of up
 * to 5 MiB (shared/poster.ts), about 7 MB once in base64 inside its JSON: 8 MiB leaves room for the rest of the
 * call, and still bounds what a page can make the engine buffer. The page checks it before sending, so a call
 * over it is answered in French instead of closing the socket.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** UTF-8 size of a message, without encoding it when its length alone settles the question. */
export function isOverRequestLimit(text: string, limit = MAX_REQUEST_BYTES): boolean {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4 bytes).
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}

/** WebSocket close code for a message over the size limit (RFC 6455 "Message Too Big"). */
export const CLOSE_TOO_BIG = 1009;

/** Query parameter carrying the per-run session token, on the page URL and on the WebSocket URL. */
export const SESSION_PARAM = 'session';
export const WS_PATH = '/ws';
