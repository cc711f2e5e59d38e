/**
 * Several counters at one cinema (issue 14): the main counter (poste principal) talks to pass Culture and owns the
 * ledger; secondary counters (postes secondaires) on the LAN forward their guichet calls to it. These calls are the
 * host's (electron/lan/): which counter this is, pairing, and the main counter's list of secondaries.
 * Merged into `contract.ts`.
 */
import { z } from 'zod';

const isoUtc = z.string();

/** `alone`: a main counter with its LAN listener off (as before issue 14); `main`: secondaries may pair and call. */
export const counterRoleSchema = z.enum(['alone', 'main', 'secondary']);
export type CounterRole = z.infer<typeof counterRoleSchema>;

export const pairedCounterSchema = z.object({
  id: z.string(),
  name: z.string(),
  pairedAt: isoUtc,
  /** Last call or connection from it; null before its first call. */
  lastSeenAt: isoUtc.nullable(),
  /** Its LAN address as last seen. */
  address: z.string().nullable(),
  connected: z.boolean(),
  /**
   * `connected`; `autonomous`: connected again and still handing over what it validated alone; `unreachable`: the
   * main counter does not hear from it (switched off, or working alone in autonomous mode).
   */
  mode: z.enum(['connected', 'autonomous', 'unreachable']),
  /** Its actions waiting to be handed over, as it last said (null before it said anything since this start). */
  waiting: z.number().int().nullable(),
});
export type PairedCounter = z.infer<typeof pairedCounterSchema>;

export const lanViewSchema = z.object({
  role: counterRoleSchema,
  counterName: z.string(),
  /** The main counter's side (role `main`): where secondaries reach it, its code, its secondaries. */
  main: z
    .object({
      /** `https://<address>:<port>` for each LAN address (what a secondary types). */
      addresses: z.array(z.string()),
      /** SHA-256 of its certificate, for the manager to compare if asked (pinned by secondaries at pairing). */
      fingerprint: z.string(),
      /** The single-use pairing code on show, until it is used or expires. */
      pairing: z.object({ code: z.string(), expiresAt: isoUtc }).nullable(),
      secondaries: z.array(pairedCounterSchema),
    })
    .nullable(),
  /** The secondary's side: the main counter it is paired with. */
  secondary: z
    .object({
      mainUrl: z.string(),
      mainName: z.string(),
      fingerprint: z.string(),
      pairedAt: isoUtc,
      connected: z.boolean(),
      lastContactAt: isoUtc.nullable(),
      /** `autonomous`: the main counter does not answer, this counter validates alone; `revoked`: refused there. */
      mode: z.enum(['connected', 'autonomous', 'revoked']),
      autonomousSince: isoUtc.nullable(),
      /** Validations and undos made here alone, not handed over to the main counter yet. */
      waiting: z.number().int(),
      /** When the replica of the main counter was last brought up to date. */
      replicaAt: isoUtc.nullable(),
    })
    .nullable(),
});
export type LanView = z.infer<typeof lanViewSchema>;

/** A pairing code as shown: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const pairingCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z.string().regex(new RegExp(`^[${PAIRING_CODE_ALPHABET}]{8}$`), {
      message: 'un code d’association a 8 caractères (lettres sans I, L, O ; chiffres de 2 à 9)',
    }),
  );

export const lanCalls = {
  'lan.get': { input: z.object({}).strict(), output: lanViewSchema },
  /** Main counter or lone counter (a secondary becomes one by `lan.pair`, and leaves by `lan.unpair`). */
  'lan.setRole': { input: z.object({ role: z.enum(['alone', 'main']) }).strict(), output: lanViewSchema },
  /** A new single-use pairing code (the previous one stops working). */
  'lan.pairingCode': { input: z.object({}).strict(), output: lanViewSchema },
  /** Revokes a secondary at once: its token stops working and its connection is closed. */
  'lan.revoke': { input: z.object({ id: z.string().max(64) }).strict(), output: lanViewSchema },
  /** This counter becomes a secondary of the main counter at `mainUrl`, with the code the main counter shows. */
  'lan.pair': {
    input: z.object({ mainUrl: z.string().max(200), code: z.string().max(20) }).strict(),
    output: lanViewSchema,
  },
  /** Forgets the main counter: this counter is a lone counter again. */
  'lan.unpair': { input: z.object({}).strict(), output: lanViewSchema },
} as const;

export const lanEvents = {
  'lan.changed': lanViewSchema,
} as const;
