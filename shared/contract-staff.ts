/**
 * Contract calls and events of the counter's team (issue 15): who is signed in at this screen, signing in with a
 * PIN, the idle lock, the team itself and its audit. Merged into `contract.ts`. Which role each call needs is the
 * engine's table (electron/core/staff/callRoles.ts).
 */
import { z } from 'zod';

export const staffRoleSchema = z.enum(['cashier', 'manager']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** 4 to 6 digits: typed on the pad or the keyboard in one gesture. */
export const pinSchema = z.string().regex(/^\d{4,6}$/, 'Le code personnel compte 4 à 6 chiffres.');
const firstName = z.string().trim().min(1).max(40);
export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;
export const DEFAULT_IDLE_MINUTES = 15;
const isoUtc = z.string();

export const staffPersonSchema = z.object({
  id: z.number().int(),
  firstName: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
  createdAt: isoUtc,
});
export type StaffPerson = z.infer<typeof staffPersonSchema>;

/** What this screen knows of its session. */
export const staffSessionSchema = z.object({
  /** False: no team configured, the counter behaves as before (one implicit manager, no PIN asked). */
  teamConfigured: z.boolean(),
  /** Who is signed in at this screen; null while locked. With no team, the implicit manager (`id` null). */
  person: z.object({ id: z.number().int().nullable(), firstName: z.string(), role: staffRoleSchema }).nullable(),
  /** Five wrong PINs in a row lock the pad until this instant. */
  padLockedUntil: isoUtc.nullable(),
  /** The screen locks itself after this long without activity. */
  idleMinutes: z.number().int(),
  /** Demo mode with a team: the demo PINs, so a trainee can try (never set in live mode). */
  demoPins: z.array(z.object({ firstName: z.string(), role: staffRoleSchema, pin: z.string() })).nullable(),
});
export type StaffSession = z.infer<typeof staffSessionSchema>;

export const auditActionSchema = z.enum([
  'sign_in',
  'sign_out',
  'idle_lock',
  'pin_failed',
  'pad_locked',
  'person_added',
  'person_changed',
  'role_changed',
  'pin_changed',
  'person_deactivated',
  'person_reactivated',
  'idle_changed',
  'undo',
  'export',
  'erasure',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: isoUtc,
  counterName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  action: auditActionSchema,
  detail: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

const empty = z.object({}).strict();

export const staffCalls = {
  /** This screen's session: anyone may ask (the lock screen needs it). */
  'staff.session': { input: empty, output: staffSessionSchema },
  /** Signs in whoever owns this PIN (PINs are unique in a team): one gesture switches the person. */
  'staff.signIn': { input: z.object({ pin: z.string().max(12) }).strict(), output: staffSessionSchema },
  /** Locks this screen (the person leaves, or the screen was idle). */
  'staff.signOut': { input: z.object({ idle: z.boolean().optional() }).strict(), output: staffSessionSchema },
  /** Someone is using this screen (keys, pointer): keeps the session from locking. */
  'staff.activity': { input: empty, output: staffSessionSchema },
  'staff.people.list': { input: empty, output: z.object({ people: z.array(staffPersonSchema) }) },
  /** Adds a person; the first one must be a manager (the team's first PIN is the manager's). */
  'staff.people.add': {
    input: z.object({ firstName, role: staffRoleSchema, pin: pinSchema }).strict(),
    output: staffPersonSchema,
  },
  'staff.people.update': {
    input: z
      .object({
        id: z.number().int(),
        firstName: firstName.optional(),
        role: staffRoleSchema.optional(),
        pin: pinSchema.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: staffPersonSchema,
  },
  'staff.settings.set': {
    input: z.object({ idleMinutes: z.number().int().min(IDLE_MINUTES_MIN).max(IDLE_MINUTES_MAX) }).strict(),
    output: staffSessionSchema,
  },
  /** Demo mode only: a demo team (a manager and a cashier, PINs shown on the lock screen) to try sign-in. */
  'staff.demoTeam': { input: empty, output: z.object({ people: z.array(staffPersonSchema) }) },
  /** The audit, newest first, optionally one person's. */
  'staff.audit': {
    input: z
      .object({ personId: z.number().int().optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
    output: z.object({ rows: z.array(auditRowSchema) }),
  },
} as const;

export const staffEvents = {
  /** Someone signed in or out somewhere, or the team changed: each screen asks for its own session again. */
  'staff.changed': z.object({}),
} as const;
