/**
 * What counters say to each other on the LAN, besides the contract's own frames (shared/wire.ts, the same as browser
 * mode's): the pairing exchange. Everything that arrives is parsed with these schemas first.
 */
import { z } from 'zod';
import { staffRoleSchema } from './contract-staff';
import { wsRequestSchema } from './wire';

export const LAN_HELLO_PATH = '/lan/hello';
export const LAN_PAIR_PATH = '/lan/pair';
export const LAN_WS_PATH = '/lan/ws';

export const pairRequestSchema = z
  .object({
    /** The secondary's counter name, as its ledger rows will show it. */
    name: z.string().trim().min(1).max(40),
    /** HMAC-SHA256(code, fingerprint of the certificate the secondary saw), hex (electron/lan/pairing.ts). */
    proof: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const pairAnswerSchema = z.object({
  id: z.string().min(1).max(64),
  token: z.string().min(20).max(200),
  mainName: z.string().max(40),
});

/** Calls a secondary may make at its main counter: the guichet's own, never a manager's action. */
export const GRANTED_TO_SECONDARY = [
  'counter.lookup',
  'counter.validate',
  'counter.undo',
  'counter.validateProvisional',
  'counter.resolveCandidates',
  'bookings.search',
  'bookings.forSeance',
  'ledger.today',
  // The status line: the main counter's link to pass Culture, its queue and conflicts are the venue's.
  'status.get',
  // Demo mode: the codes to try are the main counter's platform's (the secondary's own sandbox is not asked).
  'demo.bookings',
] as const;
export type GrantedCall = (typeof GRANTED_TO_SECONDARY)[number];

export function isGrantedToSecondary(name: unknown): name is GrantedCall {
  return typeof name === 'string' && (GRANTED_TO_SECONDARY as readonly string[]).includes(name);
}

/** Events the main counter passes on to its secondaries (the journal refreshes on them). */
export const EVENTS_FOR_SECONDARIES = [
  'ledger.changed',
  'verdict.updated',
  'upload.settled',
  'status.changed',
] as const;

/** Who is signed in at the secondary's screen making a call (null: that counter has no team). */
export const lanPersonSchema = z.object({ personName: z.string().max(80).nullable(), role: staffRoleSchema }).strict();
export type LanPerson = z.infer<typeof lanPersonSchema>;

/** A secondary's call: the contract's request frame, and the person it vouches for. */
export const lanRequestSchema = wsRequestSchema.extend({ person: lanPersonSchema.nullable().optional() });
