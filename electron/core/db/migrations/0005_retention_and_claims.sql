ALTER TABLE `known_bookings` ADD `purged_at` text;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `purged_at` text;--> statement-breakpoint
ALTER TABLE `upload_queue` ADD `claimed_by` text;