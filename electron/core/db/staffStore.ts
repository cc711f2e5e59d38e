/** The team and its audit in SQLite (schema.ts: staff_people, staff_audit; migration 0007). */
import type { AuditAction, AuditRow, StaffPerson, StaffRole } from '../../../shared/contract';
import type { CounterDb } from './open';
import { readSetting, writeSetting } from './settings';
import { column, statement } from './statement';
import { z } from 'zod';

export interface StoredPerson extends StaffPerson {
  pinHash: string;
}

export interface AuditAppend {
  at: string;
  counterName: string;
  personId: number | null;
  personName: string | null;
  action: AuditAction;
  detail: string | null;
}

const PERSON_COLUMNS = `id, first_name AS firstName, role, pin_hash AS pinHash, active, created_at AS createdAt`;
const AUDIT_COLUMNS = `id, at, counter_name AS counterName, person_id AS personId, person_name AS personName, action,
  detail`;

type PersonRow = Omit<StoredPerson, 'active'> & { active: number };
const toPerson = (row: PersonRow): StoredPerson => ({ ...row, active: row.active === 1 });

export function createStaffStore(db: CounterDb) {
  const all = statement<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM staff_people ORDER BY active DESC, first_name, id`,
  );
  const byId = statement<PersonRow, [number]>(db, `SELECT ${PERSON_COLUMNS} FROM staff_people WHERE id = ?`);
  const anyPerson = column<number>(db, 'SELECT EXISTS (SELECT 1 FROM staff_people)');
  const insert = statement<never, [Record<string, unknown>]>(
    db,
    `INSERT INTO staff_people (first_name, role, pin_hash, active, created_at, updated_at)
     VALUES (@firstName, @role, @pinHash, 1, @at, @at)`,
  );
  const update = statement<never, [Record<string, unknown>]>(
    db,
    `UPDATE staff_people SET first_name = @firstName, role = @role, pin_hash = @pinHash, active = @active,
       updated_at = @at WHERE id = @id`,
  );
  // Every call asks whether a team exists (staff/staffService.ts authorize, scans included): read once, then kept.
  // People are never deleted, so the answer only turns true, when the first one is added here.
  let hasTeam = anyPerson.get() === 1;
  const appendAudit = statement<never, [AuditAppend]>(
    db,
    `INSERT INTO staff_audit (at, counter_name, person_id, person_name, action, detail)
     VALUES (@at, @counterName, @personId, @personName, @action, @detail)`,
  );
  const auditAll = statement<AuditRow, [number]>(
    db,
    `SELECT ${AUDIT_COLUMNS} FROM staff_audit ORDER BY id DESC LIMIT ?`,
  );
  const auditOf = statement<AuditRow, [number, number]>(
    db,
    `SELECT ${AUDIT_COLUMNS} FROM staff_audit WHERE person_id = ? ORDER BY id DESC LIMIT ?`,
  );

  return {
    /** A team exists once its first person (the manager) is added; a counter without one asks no PIN. */
    teamConfigured: (): boolean => hasTeam,
    people: (): StoredPerson[] => all.all().map(toPerson),
    person(id: number): StoredPerson | null {
      const row = byId.get(id);
      return row ? toPerson(row) : null;
    },
    add(person: { firstName: string; role: StaffRole; pinHash: string }, at: string): number {
      const id = Number(insert.run({ ...person, at }).lastInsertRowid);
      hasTeam = true;
      return id;
    },
    update(person: StoredPerson, at: string): void {
      update.run({ ...person, active: person.active ? 1 : 0, at });
    },
    audit(row: AuditAppend): void {
      appendAudit.run(row);
    },
    idleMinutes: (): number | null => readSetting(db, 'staff.idleMinutes', z.number().int().positive()),
    setIdleMinutes: (minutes: number): void => writeSetting(db, 'staff.idleMinutes', minutes),
    /** Demo mode: the demo team was made here, so the lock screen may show its PINs. */
    demoTeamMade: (): boolean => readSetting(db, 'staff.demoTeam', z.boolean()) === true,
    markDemoTeam: (): void => writeSetting(db, 'staff.demoTeam', true),
    auditRows(limit: number, personId?: number): AuditRow[] {
      return personId === undefined ? auditAll.all(limit) : auditOf.all(personId, limit);
    },
  };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
