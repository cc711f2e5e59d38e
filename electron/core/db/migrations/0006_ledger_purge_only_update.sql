-- The ledger stays append-only, with one exception: the retention purge (electron/core/db/retention.ts) may, once
-- per row, mask the countermark and drop the platform's answer. Every other column must stay as it was, and a row
-- already purged can never change again. DELETE stays forbidden.
DROP TRIGGER `ledger_entries_no_update`;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
WHEN NOT (
  OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.counter_name = OLD.counter_name AND NEW.kind = OLD.kind
  AND NEW.booking_id IS OLD.booking_id AND NEW.outcome = OLD.outcome AND NEW.platform_status IS OLD.platform_status
  AND NEW.token = '****' || substr(OLD.token, -2) AND NEW.platform_answer IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
--> statement-breakpoint
-- Bidirectional controls (U+202A–202E, U+2066–2069, LRM, RLM, ALM) could make a stored "NOSREP" read "PERSON" while
-- the cashier checks an ID: names and film titles are stripped of them at ingest now, and here for rows already kept.
UPDATE `known_bookings` SET `first_name` = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`first_name`, char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''), char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''), char(8206), ''), char(8207), ''), char(1564), ''), `last_name` = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`last_name`, char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''), char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''), char(8206), ''), char(8207), ''), char(1564), ''), `offer_name` = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(`offer_name`, char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''), char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''), char(8206), ''), char(8207), ''), char(1564), '');
