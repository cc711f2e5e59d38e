/**
 * The counter's team at work: who is signed in at each screen, PIN sign-in with its lock-out, the idle lock, the
 * team itself and its audit. The dispatcher asks `authorize` before every call (callRoles.ts).
 *
 * A counter with no team configured behaves as before: every screen is the implicit manager, no PIN asked.
 * Sessions are per screen (the host names it: a WebSocket, a window) and live in memory: a restart locks.
 */
import type { AuditAction, StaffPerson, StaffRole, StaffSession } from '../../../shared/contract';
import { DEFAULT_IDLE_MINUTES } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import { ContractFailure } from '../contractFailure';
import type { StaffStore, StoredPerson } from '../db/staffStore';
import type { Actor, Caller } from './actor';
import { allows, CALL_ROLES, type CallAccess } from './callRoles';
import { hashPin, verifyPin } from './pin';
import type { CallName } from '../../../shared/contract';

export const MAX_PIN_FAILURES = 5;
export const PAD_LOCK_MS = 60_000;
/** A cashier may undo their own validation this long after it. */
export const CASHIER_UNDO_MS = 10 * 60_000;

/** Demo mode: a team to try sign-in with, its PINs shown on the lock screen. */
export const DEMO_TEAM = [
  { firstName: 'Camille', role: 'manager', pin: '1234' },
  { firstName: 'Léa', role: 'cashier', pin: '2468' },
] as const;

/** Calls that are someone at the screen doing something: they keep the session from locking. */
const ACTIVITY: ReadonlySet<CallName> = new Set([
  'staff.activity',
  'counter.lookup',
  'counter.validate',
  'counter.undo',
  'counter.validateProvisional',
]);

export interface StaffDeps {
  store: StaffStore;
  mode: 'demo' | 'live';
  counterName: string;
  /** Wall clock, for the audit and the pad's "until" (UTC). */
  clock: () => Date;
  /** Monotonic milliseconds, for idle and lock-out durations (a clock set back must not unlock the pad). */
  monotonicMs: () => number;
  /** The venue's, for the time the pad unlocks. */
  timeZone: () => string;
  onChanged: () => void;
}

interface Session {
  personId: number;
  lastActivityMs: number;
}

export function createStaff(deps: StaffDeps) {
  const { store } = deps;
  const sessions = new Map<string, Session>();
  let failures = 0;
  let padLockedUntilMs: number | null = null;
  let padLockedUntil: string | null = null;

  const idleMinutes = () => store.idleMinutes() ?? DEFAULT_IDLE_MINUTES;
  const implicitName = () => t(deps.mode === 'demo' ? 'staff.implicit_demo' : 'staff.implicit');

  function audit(action: AuditAction, who: { personId: number | null; personName: string | null }, detail?: string) {
    store.audit({
      at: deps.clock().toISOString(),
      counterName: deps.counterName,
      personId: who.personId,
      personName: who.personName,
      action,
      detail: detail ?? null,
    });
  }

  /** The person signed in at this screen, after the idle lock has had its say. */
  function signedIn(terminal: string): StoredPerson | null {
    const session = sessions.get(terminal);
    if (!session) return null;
    const person = store.person(session.personId);
    if (!person?.active) {
      sessions.delete(terminal);
      return null;
    }
    if (deps.monotonicMs() - session.lastActivityMs >= idleMinutes() * 60_000) {
      sessions.delete(terminal);
      audit('idle_lock', { personId: person.id, personName: person.firstName });
      deps.onChanged();
      return null;
    }
    return person;
  }

  function padLocked(): boolean {
    if (padLockedUntilMs !== null && deps.monotonicMs() >= padLockedUntilMs) {
      padLockedUntilMs = null;
      padLockedUntil = null;
    }
    return padLockedUntilMs !== null;
  }

  function session(terminal: string): StaffSession {
    const team = store.teamConfigured();
    const person = team ? signedIn(terminal) : null;
    return {
      teamConfigured: team,
      person: team
        ? person && { id: person.id, firstName: person.firstName, role: person.role }
        : { id: null, firstName: implicitName(), role: 'manager' },
      padLockedUntil: padLocked() ? padLockedUntil : null,
      idleMinutes: idleMinutes(),
      demoPins: deps.mode === 'demo' && team && store.demoTeamMade() ? DEMO_TEAM.map((p) => ({ ...p })) : null,
    };
  }

  /** Who makes this call, or the refusal: the dispatcher's check, keyed by call name (callRoles.ts). */
  function authorize(name: CallName, caller: Caller): Actor {
    const access: CallAccess = CALL_ROLES[name];
    if (caller.vouched) {
      const { personName, role } = caller.vouched;
      if (!allows(access, role)) throw new ContractFailure('forbidden');
      return { terminal: caller.terminal, personId: null, personName, role };
    }
    if (!store.teamConfigured()) {
      return { terminal: caller.terminal, personId: null, personName: null, role: 'manager' };
    }
    const person = signedIn(caller.terminal);
    if (!person) {
      if (access === 'anyone') return { terminal: caller.terminal, personId: null, personName: null, role: null };
      throw new ContractFailure('signed_out');
    }
    if (!allows(access, person.role)) throw new ContractFailure('forbidden');
    if (ACTIVITY.has(name)) sessions.get(caller.terminal)!.lastActivityMs = deps.monotonicMs();
    return { terminal: caller.terminal, personId: person.id, personName: person.firstName, role: person.role };
  }

  /** The active person whose PIN this is (each hash is checked: they are salted, so there is no index). */
  async function personWithPin(pin: string, except?: number): Promise<StoredPerson | null> {
    const people = store.people().filter((p) => p.active && p.id !== except);
    const matches = await Promise.all(people.map((p) => verifyPin(pin, p.pinHash)));
    return people[matches.indexOf(true)] ?? null;
  }

  async function signIn(terminal: string, pin: string): Promise<StaffSession> {
    if (!store.teamConfigured()) return session(terminal);
    if (padLocked()) {
      throw new ContractFailure('pin_pad_locked', t('errors.pin_pad_locked', { time: lockedTime() }));
    }
    const person = /^\d{4,6}$/.test(pin) ? await personWithPin(pin) : null;
    if (!person) {
      failures += 1;
      audit('pin_failed', { personId: null, personName: null }, t('staff.audit_detail.attempt', { count: failures }));
      if (failures >= MAX_PIN_FAILURES) {
        failures = 0;
        padLockedUntilMs = deps.monotonicMs() + PAD_LOCK_MS;
        padLockedUntil = new Date(deps.clock().getTime() + PAD_LOCK_MS).toISOString();
        audit('pad_locked', { personId: null, personName: null });
        deps.onChanged();
        throw new ContractFailure('pin_pad_locked', t('errors.pin_pad_locked', { time: lockedTime() }));
      }
      throw new ContractFailure('pin_wrong', t('errors.pin_wrong_left', { count: MAX_PIN_FAILURES - failures }));
    }
    failures = 0;
    sessions.set(terminal, { personId: person.id, lastActivityMs: deps.monotonicMs() });
    audit('sign_in', { personId: person.id, personName: person.firstName });
    deps.onChanged();
    return session(terminal);
  }

  function lockedTime(): string {
    return padLockedUntil ? formatTime(padLockedUntil, deps.timeZone()) : '';
  }

  function signOut(terminal: string, idle: boolean): StaffSession {
    const person = store.teamConfigured() ? signedIn(terminal) : null;
    if (person) {
      sessions.delete(terminal);
      audit(idle ? 'idle_lock' : 'sign_out', { personId: person.id, personName: person.firstName });
      deps.onChanged();
    }
    return session(terminal);
  }

  function view(p: StoredPerson): StaffPerson {
    return { id: p.id, firstName: p.firstName, role: p.role, active: p.active, createdAt: p.createdAt };
  }

  function activeManagers(people: StoredPerson[]): number {
    return people.filter((p) => p.active && p.role === 'manager').length;
  }

  async function addPerson(actor: Actor, input: { firstName: string; role: StaffRole; pin: string }) {
    // The team's first PIN is the manager's: from then on Réglages asks for it.
    if (!store.teamConfigured() && input.role !== 'manager') {
      throw new ContractFailure('team_invalid', t('errors.team_first_manager'));
    }
    if (await personWithPin(input.pin)) throw new ContractFailure('pin_taken');
    const first = !store.teamConfigured();
    const id = store.add({ firstName: input.firstName, role: input.role, pinHash: await hashPin(input.pin) }, now());
    audit('person_added', actor, `${input.firstName} (${t(`staff.role.${input.role}`)})`);
    const person = store.person(id)!;
    // The manager who configures the team is signed in at once (they just typed their PIN).
    if (first) sessions.set(actor.terminal, { personId: id, lastActivityMs: deps.monotonicMs() });
    deps.onChanged();
    return view(person);
  }

  async function updatePerson(
    actor: Actor,
    input: { id: number; firstName?: string; role?: StaffRole; pin?: string; active?: boolean },
  ) {
    const before = store.person(input.id);
    if (!before) throw new ContractFailure('team_invalid', t('errors.person_unknown'));
    const after: StoredPerson = {
      ...before,
      firstName: input.firstName ?? before.firstName,
      role: input.role ?? before.role,
      active: input.active ?? before.active,
    };
    const people = store.people().map((p) => (p.id === after.id ? after : p));
    if (activeManagers(people) === 0) throw new ContractFailure('team_invalid', t('errors.team_last_manager'));
    if (input.pin !== undefined) {
      if (await personWithPin(input.pin, before.id)) throw new ContractFailure('pin_taken');
      after.pinHash = await hashPin(input.pin);
    }
    store.update(after, now());
    const name = after.firstName;
    if (after.firstName !== before.firstName) audit('person_changed', actor, `${before.firstName} → ${name}`);
    if (after.role !== before.role) {
      audit('role_changed', actor, `${name} : ${t(`staff.role.${before.role}`)} → ${t(`staff.role.${after.role}`)}`);
    }
    if (input.pin !== undefined) audit('pin_changed', actor, name);
    if (after.active !== before.active) audit(after.active ? 'person_reactivated' : 'person_deactivated', actor, name);
    // A person deactivated or demoted is signed out everywhere: their next call meets the new rule.
    if (!after.active || after.role !== before.role) {
      for (const [terminal, s] of sessions) if (s.personId === after.id) sessions.delete(terminal);
    }
    deps.onChanged();
    return view(after);
  }

  const now = () => deps.clock().toISOString();

  return {
    authorize,
    session,
    signIn,
    signOut,
    /**
     * Locks the screens idle for too long now rather than at their next call, so each is told (`staff.changed`)
     * and shows its lock screen even when its own timer did not run (a sleeping laptop, a throttled tab).
     */
    sweepIdle(): void {
      for (const terminal of [...sessions.keys()]) signedIn(terminal);
    },
    /** The host lost this screen (socket closed): its session ends with it. */
    forget(terminal: string): void {
      sessions.delete(terminal);
    },
    people: () => store.people().map(view),
    addPerson,
    updatePerson,
    setIdleMinutes(actor: Actor, minutes: number): void {
      store.setIdleMinutes(minutes);
      audit('idle_changed', actor, t('staff.audit_detail.minutes', { count: minutes }));
      deps.onChanged();
    },
    async demoTeam(actor: Actor): Promise<StaffPerson[]> {
      if (deps.mode !== 'demo') throw new ContractFailure('demo_only');
      if (!store.teamConfigured()) {
        for (const person of DEMO_TEAM) await addPerson(actor, person);
        store.markDemoTeam();
      }
      return store.people().map(view);
    },
    audit,
    auditRows: (limit: number, personId?: number) => store.auditRows(limit, personId),
    /**
     * Whether the person making this call may undo a validation made by `validation.personId` at `validation.at`:
     * a manager always; a cashier their own, within 10 minutes. Null when allowed, else the French refusal.
     */
    undoRefusal(
      actor: Actor | undefined,
      validation: { personId: number | null; personName: string | null; at: string },
    ) {
      if (!actor || actor.role !== 'cashier') return null;
      // Someone vouched for by a secondary counter has no id in this counter's team: known by name there.
      const own =
        actor.personId !== null
          ? validation.personId === actor.personId
          : validation.personId === null &&
            validation.personName !== null &&
            validation.personName === actor.personName;
      if (!own) {
        return t('errors.forbidden_undo_other', { name: validation.personName ?? t('staff.someone_else') });
      }
      if (deps.clock().getTime() - Date.parse(validation.at) > CASHIER_UNDO_MS) return t('errors.forbidden_undo_late');
      return null;
    },
  };
}

export type Staff = ReturnType<typeof createStaff>;
