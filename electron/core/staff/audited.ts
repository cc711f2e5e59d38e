/**
 * Calls the manager wants in the staff audit besides sign-ins and team changes: undos and exports. Wrapped around
 * their handlers at composition, so the domains stay unaware of the audit; a row is written only once the call
 * has succeeded.
 */
import { maskToken } from '../../../shared/countermark';
import type { Staff } from './staffService';
import { attribution } from './actor';

type AnyHandler = (input: never) => unknown;

/** The day (and person) an export was of: "2026-11-27 — Léa". */
function what(input: { day?: string; person?: string }): string | null {
  return [input.day, input.person].filter(Boolean).join(' — ') || null;
}

const AUDITED = {
  'counter.undo': (input: { token: string }) => ({ action: 'undo' as const, detail: maskToken(input.token) }),
  'reports.endOfDayCsv': (input: { day?: string; person?: string }) => ({
    action: 'export' as const,
    detail: what(input),
  }),
  'reports.printEndOfDay': (input: { day?: string; person?: string }) => ({
    action: 'export' as const,
    detail: what(input),
  }),
};

export function auditedHandlers<H extends object>(staff: Staff, handlers: H): H {
  const wrapped: Record<string, unknown> = { ...(handlers as Record<string, unknown>) };
  for (const [name, describe] of Object.entries(AUDITED)) {
    const handler = (handlers as Record<string, AnyHandler | undefined>)[name];
    if (!handler) continue;
    wrapped[name] = async (input: never) => {
      const value = await handler(input);
      const { action, detail } = (describe as (input: unknown) => { action: 'undo' | 'export'; detail: string | null })(
        input,
      );
      staff.audit(action, attribution(), detail ?? undefined);
      return value;
    };
  }
  return wrapped as H;
}
