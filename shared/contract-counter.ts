/**
 * Contract calls and events of the guichet's own settings and follow-ups: the séance window, the verdict sounds,
 * how new-booking notifications behave during service, and the upload of a validation the cashier saw queued.
 * Merged into `contract.ts`.
 */
import { z } from 'zod';
import { MAX_WINDOW_MINUTES } from './seanceWindow';

const minutes = z.number().int().min(0).max(MAX_WINDOW_MINUTES);

export const counterSettingsSchema = z.object({
  /** Bookings whose séance starts outside [start − before, start + after] get the amber "autre séance" verdict. */
  seanceWindow: z.object({ beforeMinutes: minutes, afterMinutes: minutes }).strict(),
  /** A short sound per verdict kind (Web Audio), so the cashier's eyes can stay on the ID. */
  sound: z.object({ enabled: z.boolean(), volume: z.number().int().min(0).max(100) }).strict(),
  /**
   * New bookings while the guichet is on screen: `in_app` groups them in a discreet line without names (the queue
   * in front of the screen sees nothing); `desktop` shows the system notification with the name, as on other screens.
   */
  serviceNotifications: z.enum(['in_app', 'desktop']),
});
export type CounterSettings = z.infer<typeof counterSettingsSchema>;

export const counterCalls = {
  'counter.settings.get': { input: z.object({}).strict(), output: counterSettingsSchema },
  /** Changes the fields given; answers the whole settings. */
  'counter.settings.set': { input: counterSettingsSchema.partial().strict(), output: counterSettingsSchema },
} as const;

export const counterEvents = {
  /** A queued validation or undo left the queue: sent (`done`), or refused (`conflict`). */
  'upload.settled': z.object({
    ledgerId: z.number().int(),
    action: z.enum(['use', 'keep']),
    state: z.enum(['done', 'conflict']),
    /** French: the refusal's reason for a conflict. */
    reason: z.string().nullable(),
  }),
  /** The counter's settings changed (Réglages), e.g. the sound volume the guichet plays at. */
  'counter.settings.changed': counterSettingsSchema,
} as const;
