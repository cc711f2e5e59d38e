CREATE TABLE `staff_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`counter_name` text NOT NULL,
	`person_id` integer,
	`person_name` text,
	`action` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `staff_audit_at_idx` ON `staff_audit` (`at`);--> statement-breakpoint
CREATE TABLE `staff_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `person_id` integer;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `person_name` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `counter_name` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `person_id` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `person_name` text;--> statement-breakpoint
ALTER TABLE `upload_queue` ADD `counter_name` text;--> statement-breakpoint
ALTER TABLE `upload_queue` ADD `person_id` integer;--> statement-breakpoint
ALTER TABLE `upload_queue` ADD `person_name` text;--> statement-breakpoint
-- The staff audit is append-only like the ledger: rows are never changed or removed.
CREATE TRIGGER `staff_audit_no_update` BEFORE UPDATE ON `staff_audit`
BEGIN
  SELECT RAISE(ABORT, 'staff_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_audit_no_delete` BEFORE DELETE ON `staff_audit`
BEGIN
  SELECT RAISE(ABORT, 'staff_audit is append-only');
END;
--> statement-breakpoint
-- The retention purge's one allowed change (0006) must leave who made a row as it was, too.
DROP TRIGGER `ledger_entries_no_update`;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
WHEN NOT (
  OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.counter_name = OLD.counter_name AND NEW.kind = OLD.kind
  AND NEW.booking_id IS OLD.booking_id AND NEW.outcome = OLD.outcome AND NEW.platform_status IS OLD.platform_status
  AND NEW.token = '****' || substr(OLD.token, -2) AND NEW.platform_answer IS NULL
  AND NEW.person_id IS OLD.person_id AND NEW.person_name IS OLD.person_name
)
BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
