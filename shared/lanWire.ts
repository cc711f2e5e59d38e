/**
 * What counters say to each other on the LAN, besides the contract's own frames (shared/wire.ts, the same as browser
 * mode's): the pairing exchange. Everything that arrives is parsed with these schemas first.
 */
import { GUICHET_CALLS } from './channels';
import { z } from 'zod';
import { counterSettingsSchema } from './contract-counter';
import { staffRoleSchema } from './contract-staff';
import { wsRequestSchema } from './wire';

export const LAN_HELLO_PATH = '/lan/hello';
export const LAN_PAIR_PATH = '/lan/pair';
export const LAN_WS_PATH = '/lan/ws';

export const pairRequestSchema = z
  .object({
    /** The secondary's counter name, as its ledger rows will show it. */
    name: z.string().trim().min(1).max(40),
    /** scrypt(code, fingerprint of the certificate the secondary saw), 32 bytes in hex (electron/lan/pairing.ts). */
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
  ...GUICHET_CALLS,
  // A scan being read at the secondary: the main counter's background work steps aside for its lookup.
  'counter.scanUnderway',
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
  // The replica follows these (electron/lan/replicaFollower.ts).
  'bookings.changed',
  'programme.changed',
  // Its séance window only (sounds and notifications stay each counter's own): never passed to a screen as such.
  'counter.settings.changed',
  'verdict.updated',
  'upload.settled',
  'status.changed',
] as const;

/** Who is signed in at the secondary's screen making a call (null: that counter has no team). */
export const lanPersonSchema = z.object({ personName: z.string().max(80).nullable(), role: staffRoleSchema }).strict();
export type LanPerson = z.infer<typeof lanPersonSchema>;

/** A secondary's call: the contract's request frame, and the person it vouches for. */
export const lanRequestSchema = wsRequestSchema.extend({ person: lanPersonSchema.nullable().optional() });

// ----- the replica (issue 14) ---------------------------------------------------------------------------------------
/**
 * A secondary's replica of its main counter's mirror and ledger actions is pulled over the same WebSocket with this
 * LAN-only request name. It is no contract call: no screen can make it (the browser host's dispatcher does not know
 * it), and the main counter answers it to paired secondaries only.
 */
export const REPLICA_PULL = 'lan.replicaPull';
export const REPLICA_PAGE = 500;

const id = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);
const isoText = z.string().max(40);

export const replicaPullSchema = z.discriminatedUnion('what', [
  /** Bookings changed after a cursor (`known_bookings.change_seq`, then booking id). */
  z.object({ what: z.literal('bookings'), after: z.object({ seq: id, bookingId: id }) }).strict(),
  /** Validations and undos after a ledger id. */
  z.object({ what: z.literal('actions'), after: id }).strict(),
  /** Validations and undos by ledger id (their upload settled since). */
  z.object({ what: z.literal('actionIds'), ids: z.array(id).max(REPLICA_PAGE) }).strict(),
  /** Séances and films after an id: the programme is copied whole (a séance may be deleted). */
  z.object({ what: z.literal('seances'), after: id }).strict(),
  z.object({ what: z.literal('offers'), after: id }).strict(),
  /** The séance window: the venue's (a secondary in autonomous mode judges "autre séance" as its main counter). */
  z.object({ what: z.literal('window') }).strict(),
]);
export type ReplicaPull = z.infer<typeof replicaPullSchema>;

export const replicaBookingSchema = z
  .object({
    bookingId: id,
    token: text(20).nullable(),
    status: z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']),
    quantity: z.number().int(),
    unitPriceCents: z.number().int(),
    priceCategoryLabel: text(200).nullable(),
    offerId: id,
    offerName: text(400),
    stockId: id,
    venueId: id,
    venueName: text(400),
    firstName: text(200),
    lastName: text(200),
    confirmationDate: isoText.nullable(),
    searchKey: text(500),
    searchFirstKey: text(500),
    updatedAt: isoText,
    purgedAt: isoText.nullable(),
    changeSeq: id,
  })
  .strict();
export type ReplicaBooking = z.infer<typeof replicaBookingSchema>;

const uploadStateSchema = z.enum(['pending', 'sending', 'done', 'conflict', 'handled']);
export const replicaActionSchema = z
  .object({
    mainLedgerId: id,
    kind: z.enum(['validation', 'undo']),
    token: text(20),
    bookingId: id.nullable(),
    outcome: text(40),
    at: isoText,
    counterName: text(80),
    personName: text(80).nullable(),
    uploadState: uploadStateSchema.nullable(),
    uploadDoneAt: isoText.nullable(),
    uploadReason: text(500).nullable(),
  })
  .strict();
export type ReplicaAction = z.infer<typeof replicaActionSchema>;

export const replicaSeanceSchema = z
  .object({
    stockId: id,
    offerId: id,
    beginningDatetime: isoText,
    priceCategoryLabel: text(200),
    priceCents: z.number().int(),
    quantity: z.number().int().nullable(),
    bookedQuantity: z.number().int(),
    updatedAt: isoText,
  })
  .strict();
export type ReplicaSeance = z.infer<typeof replicaSeanceSchema>;

export const replicaOfferSchema = z
  .object({
    offerId: id,
    venueId: id,
    name: text(400),
    description: z.string().max(20_000).nullable(),
    durationMinutes: z.number().int().nullable(),
    isDuo: z.boolean(),
    status: text(40),
    posterUrl: z.string().max(2_000).nullable(),
    updatedAt: isoText,
  })
  .strict();
export type ReplicaOffer = z.infer<typeof replicaOfferSchema>;

/** The main counter's answer: rows of one kind, and whether more follow the last one. */
export const replicaAnswerSchema = z.discriminatedUnion('what', [
  z.object({ what: z.literal('bookings'), rows: z.array(replicaBookingSchema).max(REPLICA_PAGE), more: z.boolean() }),
  z.object({ what: z.literal('actions'), rows: z.array(replicaActionSchema).max(REPLICA_PAGE), more: z.boolean() }),
  z.object({ what: z.literal('seances'), rows: z.array(replicaSeanceSchema).max(REPLICA_PAGE), more: z.boolean() }),
  z.object({ what: z.literal('offers'), rows: z.array(replicaOfferSchema).max(REPLICA_PAGE), more: z.boolean() }),
  z.object({ what: z.literal('window'), window: counterSettingsSchema.shape.seanceWindow }),
]);
export type ReplicaAnswer = z.infer<typeof replicaAnswerSchema>;

// ----- the hand-over (issue 14) -------------------------------------------------------------------------------------
/** LAN-only too: a secondary hands its autonomous validations and undos over to its main counter, in order. */
export const HANDOVER = 'lan.handOver';
export const HANDOVER_BATCH = 100;

export const handoverActionSchema = z
  .object({
    /** The secondary's own ledger id: with its pairing id, the key that makes a replay harmless. */
    secondaryLedgerId: id,
    kind: z.enum(['validation', 'undo']),
    token: text(20),
    bookingId: id.nullable(),
    outcome: text(40),
    at: isoText,
    personName: text(80).nullable(),
    /** `pending`: the main counter sends it; `done`: sent (or nothing to send), never sent again; `conflict`: refused. */
    upload: z.enum(['pending', 'done', 'conflict']),
  })
  .strict();
export type HandoverAction = z.infer<typeof handoverActionSchema>;

export const handoverRequestSchema = z
  .object({ actions: z.array(handoverActionSchema).min(1).max(HANDOVER_BATCH) })
  .strict();

export const handoverAnswerSchema = z.object({
  receipts: z.array(z.object({ secondaryLedgerId: id, mainLedgerId: id })).max(HANDOVER_BATCH),
});
export type HandoverAnswer = z.infer<typeof handoverAnswerSchema>;

/** LAN-only: a secondary tells its main counter what waits to be handed over (the manager's view). */
export const LAN_REPORT = 'lan.report';
export const lanReportSchema = z.object({ waiting: z.number().int().nonnegative() }).strict();
export type LanReport = z.infer<typeof lanReportSchema>;
