/**
 * Beneficiaries' personal data, kept only as long as the counter needs it (GDPR). The counter stores first and last
 * names (to check them against an ID and find a person offline) and countermarks; never e-mail, phone, birth date or
 * postal code (dropped at ingest, bookingCache.ts).
 *
 * A daily purge erases personal fields `retentionDays` (30 by default, Réglages) after the séance, once the booking
 * is settled — used, cancelled or reimbursed, or still "confirmed" that long after its séance (the platform marks
 * those used by itself 48 h after it) — and nothing about it waits to be sent or in conflict:
 * - mirror (`known_bookings`): names become initials ("Camille Martin" → "C. M."), search keys and token go;
 *   amounts, statuses, séance and booking ids stay (end-of-day reports and reimbursements still add up);
 * - ledger: the one UPDATE its triggers allow (migration 0006) masks the countermark (`****CD`) and drops the
 *   platform's answer; times, counter, kind, booking id, outcome and status stay;
 * - upload queue (settled rows): countermark masked;
 * - a secondary's copy of its main counter's validations (`replica_actions`): countermark masked, as in the ledger;
 * - print jobs (their payload holds the name as printed): deleted;
 * - backups: purged the same way; older-schema copies and set-aside damaged databases are deleted past the period.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { PrivacySettings } from '../../../shared/contract';
import { DAMAGED_DIR, listBackups } from './backups';
import type { CounterDb } from './open';
import { readSetting, writeSetting } from './settings';

export const DEFAULT_RETENTION_DAYS = 30;
const SETTING_KEY = 'privacy';
const DAY_MS = 24 * 60 * 60_000;
export const PURGE_EVERY_MS = DAY_MS;

const settingSchema = z.object({ retentionDays: z.number().int().min(1).max(365) });

export interface PurgeCounts {
  bookings: number;
  ledgerRows: number;
  queueRows: number;
  printJobs: number;
}

const initial = (column: string) => `CASE WHEN ${column} = '' THEN '' ELSE upper(substr(${column}, 1, 1)) || '.' END`;

/** Runs the purge on one database (the live one, or a backup of the same schema). */
export function purgePersonalData(sqlite: Database.Database, now: Date, retentionDays: number): PurgeCounts {
  const horizon = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const at = now.toISOString();
  const unsettled = `SELECT token FROM upload_queue WHERE state IN ('pending', 'sending', 'conflict')`;
  return sqlite.transaction((): PurgeCounts => {
    const bookings = sqlite
      .prepare(
        `UPDATE known_bookings
            SET first_name = ${initial('first_name')}, last_name = ${initial('last_name')},
                search_key = '', search_first_key = '', token = NULL, purged_at = @at
          WHERE purged_at IS NULL
            AND booking_id IN (
              SELECT kb.booking_id FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id
               WHERE COALESCE(s.beginning_datetime, kb.updated_at) < @horizon
                 AND NOT EXISTS (SELECT 1 FROM upload_queue q
                                  WHERE q.state IN ('pending', 'sending', 'conflict')
                                    AND (q.booking_id = kb.booking_id OR q.token = kb.token)))`,
      )
      .run({ at, horizon }).changes;
    const ledgerRows = sqlite
      .prepare(
        `UPDATE ledger_entries
            SET token = '****' || substr(token, -2), platform_answer = NULL, purged_at = @at
          WHERE purged_at IS NULL AND at < @horizon
            AND (booking_id IS NULL OR booking_id NOT IN (SELECT booking_id FROM known_bookings WHERE purged_at IS NULL))
            AND token NOT IN (${unsettled})`,
      )
      .run({ at, horizon }).changes;
    // A secondary's copy of its main counter's validations (issue 14): masked like the ledger it copies.
    const replicaRows = sqlite
      .prepare(
        `UPDATE replica_actions SET token = '****' || substr(token, -2)
          WHERE at < @horizon AND token NOT LIKE '****%'
            AND (booking_id IS NULL OR booking_id NOT IN (SELECT booking_id FROM known_bookings WHERE purged_at IS NULL))`,
      )
      .run({ horizon }).changes;
    const queueRows = sqlite
      .prepare(
        `UPDATE upload_queue SET token = '****' || substr(token, -2)
          WHERE state IN ('done', 'handled') AND created_at < @horizon AND token NOT LIKE '****%'
            AND (booking_id IS NULL OR booking_id NOT IN (SELECT booking_id FROM known_bookings WHERE purged_at IS NULL))`,
      )
      .run({ horizon }).changes;
    const printJobs = sqlite
      .prepare(`DELETE FROM print_jobs WHERE created_at < @horizon AND status IN ('printed', 'failed', 'cancelled')`)
      .run({ horizon }).changes;
    return { bookings, ledgerRows: ledgerRows + replicaRows, queueRows, printJobs };
  })();
}

function hasPurgeColumns(sqlite: Database.Database): boolean {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('ledger_entries')").pluck().all();
  return columns.includes('purged_at');
}

/** Backups get the same purge; copies of an older schema and set-aside damaged files go once past the period. */
function purgeCopies(dataDir: string, now: Date, retentionDays: number, logger: Logger): void {
  for (const backup of listBackups(dataDir)) {
    try {
      const copy = new Database(backup.file);
      try {
        if (hasPurgeColumns(copy)) purgePersonalData(copy, now, retentionDays);
        else if (now.getTime() - new Date(backup.takenAt).getTime() > retentionDays * DAY_MS) {
          copy.close();
          fs.rmSync(backup.file, { force: true });
        }
      } finally {
        if (copy.open) copy.close();
      }
    } catch (error) {
      logger.warn({ backup: backup.name, err: String(error) }, 'backup could not be purged; deleted');
      fs.rmSync(backup.file, { force: true });
    }
  }
  const damaged = path.join(dataDir, DAMAGED_DIR);
  for (const name of fs.existsSync(damaged) ? fs.readdirSync(damaged) : []) {
    const file = path.join(damaged, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now.getTime() - stat.mtimeMs > retentionDays * DAY_MS) fs.rmSync(file, { force: true });
  }
}

export function createRetention(deps: { db: CounterDb; dataDir: string; clock: () => Date; logger: Logger }) {
  const { db, clock, logger } = deps;
  function settings(): PrivacySettings {
    return readSetting(db, SETTING_KEY, settingSchema) ?? { retentionDays: DEFAULT_RETENTION_DAYS };
  }
  function purge(): PurgeCounts {
    const now = clock();
    const { retentionDays } = settings();
    const counts = purgePersonalData(db.$client, now, retentionDays);
    purgeCopies(deps.dataDir, now, retentionDays, logger);
    logger.info({ ...counts, retentionDays }, 'personal data purge');
    return counts;
  }
  return {
    settings,
    purge,
    handlers: {
      'privacy.settings.get': () => settings(),
      'privacy.settings.set': (input: PrivacySettings) => {
        writeSetting(db, SETTING_KEY, input);
        purge();
        return settings();
      },
    },
  };
}
