/**
 * Browser-mode wire format: the contract carried over one WebSocket (`/ws?session=<token>`).
 * The renderer sends requests; the host answers each with the envelope the core produced, and pushes events.
 */
import { z } from 'zod';

export const wsRequestSchema = z.object({ id: z.number().int(), name: z.string(), input: z.unknown() });
export type WsRequest = z.infer<typeof wsRequestSchema>;

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

/** Query parameter carrying the per-run session token, on the page URL and on the WebSocket URL. */
export const SESSION_PARAM = 'session';
export const WS_PATH = '/ws';
