/**
 * Contract calls and events of the sync/offline side: connectivity status, upload queue and conflicts,
 * the programme and bookings mirrors, and the pass Culture account. Merged into `contract.ts`.
 */
import { z } from 'zod';

const isoUtc = z.string().describe('ISO 8601 instant in UTC');
const bookingStatus = z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']);

export const statusViewSchema = z.object({
  online: z.boolean(),
  /** When the counter lost the platform, null while online. */
  offlineSince: isoUtc.nullable(),
  /** Last time a full sync cycle (uploads then downloads) succeeded. */
  lastSyncAt: isoUtc.nullable(),
  pendingUploads: z.number().int(),
  conflicts: z.number().int(),
  /** The disk is full: validations cannot be recorded until space returns. */
  diskFull: z.boolean().optional(),
});
export type StatusView = z.infer<typeof statusViewSchema>;

export const bookingRowSchema = z.object({
  bookingId: z.number().int(),
  /** Known only once someone scanned or typed it. */
  token: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  stockId: z.number().int(),
  seanceStart: isoUtc.nullable(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  priceCategoryLabel: z.string().nullable(),
  status: bookingStatus,
  confirmationDate: isoUtc.nullable(),
  /** A validation made at this counter stands (not undone). */
  validatedHere: z.boolean(),
  /** That validation is provisional (offline, token unknown): still to be checked by the platform. */
  provisional: z.boolean(),
  /** This counter has an action on it not yet sent to the platform. */
  pendingUpload: z.boolean(),
});
export type BookingRow = z.infer<typeof bookingRowSchema>;

export const seanceViewSchema = z.object({
  stockId: z.number().int(),
  offerId: z.number().int(),
  offerName: z.string(),
  start: isoUtc,
  priceCategoryLabel: z.string(),
  priceCents: z.number().int(),
  /** Total pass Culture places incl. booked, null when unlimited. */
  quantity: z.number().int().nullable(),
  bookedQuantity: z.number().int(),
  remaining: z.number().int().nullable(),
  /** Bookings expected (confirmed, not used yet) and came (used), from the mirror. */
  expected: z.number().int(),
  came: z.number().int(),
});
export type SeanceView = z.infer<typeof seanceViewSchema>;

export const offerViewSchema = z.object({
  offerId: z.number().int(),
  venueId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  isDuo: z.boolean(),
  status: z.string(),
  hasPoster: z.boolean(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const queueItemSchema = z.object({
  id: z.number().int(),
  ledgerId: z.number().int(),
  action: z.enum(['use', 'keep']),
  token: z.string(),
  bookingId: z.number().int().nullable(),
  provisional: z.boolean(),
  state: z.enum(['pending', 'sending', 'done', 'conflict', 'handled']),
  attempts: z.number().int(),
  /** French: why it is in conflict, or why the last attempt failed. */
  reason: z.string().nullable(),
  /** French: how it was settled when not plainly (e.g. "déjà validée, après une tentative interrompue"). */
  note: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: isoUtc,
  lastAttemptAt: isoUtc.nullable(),
  doneAt: isoUtc.nullable(),
  beneficiary: z.string().nullable(),
  offerName: z.string().nullable(),
  /** Who made the validation or undo, and at which counter (null before staff existed, or with no team). */
  personName: z.string().nullable().optional(),
  counterName: z.string().nullable().optional(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const streamViewSchema = z.object({
  name: z.string(),
  lastRunAt: isoUtc.nullable(),
  lastSuccessAt: isoUtc.nullable(),
  lastError: z.string().nullable(),
});

export const syncOverviewSchema = z.object({
  status: statusViewSchema,
  queue: z.array(queueItemSchema),
  conflicts: z.array(queueItemSchema),
  recent: z.array(queueItemSchema),
  streams: z.array(streamViewSchema),
  budget: z.object({
    limitPerMinute: z.number().int(),
    usedLastMinute: z.number().int(),
    backgroundShare: z.number(),
    pausedUntil: isoUtc.nullable(),
  }),
});
export type SyncOverview = z.infer<typeof syncOverviewSchema>;

export const environmentSchema = z.enum(['demo', 'production', 'integration', 'custom']);

export const venueOptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  offererName: z.string(),
  siret: z.string().nullable(),
  address: z.string().nullable(),
  timeZone: z.string(),
});
export type VenueOption = z.infer<typeof venueOptionSchema>;

export const accountViewSchema = z.object({
  environment: environmentSchema,
  baseUrl: z.string().nullable(),
  hasKey: z.boolean(),
  /** Where the key is kept: the OS keychain (Electron safeStorage), a user-only file, or nowhere (demo). */
  keyStorage: z.enum(['os', 'file', 'env', 'none']),
  /** French warning shown when the key is not encrypted at rest. */
  keyStorageWarning: z.string().nullable(),
  /** Set by environment variables: the screen is read-only. */
  fromEnvironment: z.boolean(),
  venueIds: z.array(z.number().int()),
  counterName: z.string(),
  /** French: the stored key was found readable by other users of this PC; the manager should renew it. */
  keyExposedWarning: z.string().nullable().optional(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const backupViewSchema = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'migration']),
  takenAt: isoUtc,
  sizeBytes: z.number().int(),
});
export type BackupView = z.infer<typeof backupViewSchema>;

/** The engine could not open this account's database: what happened, and the backups to restore. */
export const recoveryViewSchema = z.object({
  damaged: z.boolean(),
  /** French, for the manager. */
  message: z.string().nullable(),
  environment: environmentSchema,
  backups: z.array(backupViewSchema),
});
export type RecoveryView = z.infer<typeof recoveryViewSchema>;

/** What the counter keeps of beneficiaries, and for how long (Réglages → Données personnelles). */
export const privacySettingsSchema = z.object({
  /** Personal fields are erased this many days after the séance, once the booking is settled. */
  retentionDays: z.number().int().min(1).max(365),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

const accountInput = z
  .object({
    environment: z.enum(['production', 'integration', 'custom']),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Omitted to keep (or test) the stored key. */
    apiKey: z.string().trim().min(16).max(300).optional(),
  })
  .strict();

export const syncCalls = {
  'status.get': { input: z.object({}).strict(), output: statusViewSchema },
  /** Offline: validate a booking found by name, for a token the counter cannot check. */
  'counter.validateProvisional': {
    input: z
      .object({
        token: z.string().regex(/^[A-Z0-9]{6}$/),
        bookingId: z.number().int().positive(),
        /** The cashier confirmed a booking whose séance is outside the counter's window (see counter.validate). */
        acceptOtherSeance: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      token: z.string(),
      ledgerId: z.number().int(),
      validatedAt: isoUtc,
      message: z.string(),
    }),
  },
  /** Name search (accent- and case-insensitive); `moment` = séances around now, `all` = the whole mirror. */
  'bookings.search': {
    input: z
      .object({
        query: z.string().max(80),
        scope: z.enum(['moment', 'all']),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({ bookings: z.array(bookingRowSchema) }),
  },
  'bookings.forSeance': {
    input: z.object({ stockId: z.number().int().positive(), query: z.string().max(80).optional() }).strict(),
    output: z.object({ seance: seanceViewSchema.nullable(), bookings: z.array(bookingRowSchema) }),
  },
  /** Séances from the start of `fromDay` (venue's day, YYYY-MM-DD; today by default) for `days` days. */
  'programme.list': {
    input: z
      .object({
        fromDay: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        days: z.number().int().min(1).max(14),
      })
      .strict(),
    output: z.object({ offers: z.array(offerViewSchema), seances: z.array(seanceViewSchema) }),
  },
  'programme.poster': {
    input: z.object({ offerId: z.number().int().positive() }).strict(),
    output: z.object({ dataUrl: z.string().nullable() }),
  },
  'sync.overview': { input: z.object({}).strict(), output: syncOverviewSchema },
  'sync.now': { input: z.object({}).strict(), output: statusViewSchema },
  'sync.retry': { input: z.object({ id: z.number().int().positive() }).strict(), output: queueItemSchema },
  'sync.markHandled': {
    input: z.object({ id: z.number().int().positive(), comment: z.string().trim().min(1).max(500) }).strict(),
    output: queueItemSchema,
  },
  'account.get': { input: z.object({}).strict(), output: accountViewSchema },
  /** Checks a key against an environment and lists the venues it reaches. */
  'account.test': { input: accountInput, output: z.object({ venues: z.array(venueOptionSchema) }) },
  /** Saves the account and restarts the engine on it (its own data folder). */
  'account.save': {
    input: accountInput.extend({
      venueIds: z.array(z.number().int().positive()).min(1).max(20),
      counterName: z.string().trim().min(1).max(40),
    }),
    output: accountViewSchema,
  },
  /**
   * Back to demo mode. The live account's data stays in its own folder unless `eraseData` (refused while
   * validations wait to be sent).
   */
  'account.useDemo': {
    input: z.object({ eraseData: z.boolean().optional() }).strict(),
    output: accountViewSchema,
  },
  /** The account's database is damaged (or the engine could not start): the state and the backups. */
  'database.recovery': { input: z.object({}).strict(), output: recoveryViewSchema },
  /** The manager's choice: restore a backup, or start with an empty database (the damaged file is kept aside). */
  'database.recover': {
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('restore'), backup: z.string().min(1).max(200) }).strict(),
      z.object({ action: z.literal('empty') }).strict(),
    ]),
    output: recoveryViewSchema,
  },
  'privacy.settings.get': { input: z.object({}).strict(), output: privacySettingsSchema },
  'privacy.settings.set': { input: privacySettingsSchema.strict(), output: privacySettingsSchema },
} as const;

export const syncEvents = {
  'status.changed': statusViewSchema,
  /**
   * Sync brought new bookings or cancellations: the screens that list bookings refresh. Booking ids only, never the
   * rows — a first sync brings the whole season (100,000 rows were 35 MB of JSON per window, and no screen read them).
   */
  'bookings.changed': z.object({
    added: z.array(z.number().int()),
    cancelled: z.array(z.number().int()),
  }),
  'programme.changed': z.object({}),
  /** The account changed and the engine restarted: the renderer reloads what it shows. */
  'account.changed': accountViewSchema,
} as const;
