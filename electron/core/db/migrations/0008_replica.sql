CREATE TABLE `handed_over` (
	`ledger_id` integer PRIMARY KEY NOT NULL,
	`main_ledger_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`ledger_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `handover_receipts` (
	`secondary_id` text NOT NULL,
	`secondary_ledger_id` integer NOT NULL,
	`ledger_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`ledger_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handover_receipts_key_idx` ON `handover_receipts` (`secondary_id`,`secondary_ledger_id`);--> statement-breakpoint
CREATE TABLE `replica_actions` (
	`main_ledger_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`token` text NOT NULL,
	`booking_id` integer,
	`outcome` text NOT NULL,
	`at` text NOT NULL,
	`counter_name` text NOT NULL,
	`person_name` text,
	`upload_state` text,
	`upload_done_at` text,
	`upload_reason` text
);
--> statement-breakpoint
CREATE INDEX `replica_actions_token_idx` ON `replica_actions` (`token`);--> statement-breakpoint
CREATE INDEX `replica_actions_booking_idx` ON `replica_actions` (`booking_id`);--> statement-breakpoint
CREATE INDEX `upload_queue_ledger_idx` ON `upload_queue` (`ledger_id`);--> statement-breakpoint
-- A real change cursor for the bookings mirror (issue 14: a secondary's replica follows it). `updated_at` is when the
-- listing last saw a row, rewritten every sync cycle; `change_seq` moves only when what a counter shows changes.
CREATE TABLE `mirror_change_seq` (`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1), `seq` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `mirror_change_seq` (`id`, `seq`) VALUES (1, 0);
--> statement-breakpoint
ALTER TABLE `known_bookings` ADD `change_seq` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE INDEX `known_bookings_change_seq_idx` ON `known_bookings` (`change_seq`, `booking_id`);
--> statement-breakpoint
CREATE TRIGGER `known_bookings_seq_insert` AFTER INSERT ON `known_bookings`
BEGIN
  UPDATE `mirror_change_seq` SET `seq` = `seq` + 1;
  UPDATE `known_bookings` SET `change_seq` = (SELECT `seq` FROM `mirror_change_seq`) WHERE `booking_id` = NEW.`booking_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `known_bookings_seq_update` AFTER UPDATE OF `token`, `status`, `quantity`, `unit_price_cents`,
  `price_category_label`, `offer_id`, `offer_name`, `stock_id`, `venue_id`, `venue_name`, `first_name`, `last_name`,
  `confirmation_date`, `purged_at` ON `known_bookings`
WHEN NOT (
  OLD.`token` IS NEW.`token` AND OLD.`status` IS NEW.`status` AND OLD.`quantity` IS NEW.`quantity`
  AND OLD.`unit_price_cents` IS NEW.`unit_price_cents` AND OLD.`price_category_label` IS NEW.`price_category_label`
  AND OLD.`offer_id` IS NEW.`offer_id` AND OLD.`offer_name` IS NEW.`offer_name` AND OLD.`stock_id` IS NEW.`stock_id`
  AND OLD.`venue_id` IS NEW.`venue_id` AND OLD.`venue_name` IS NEW.`venue_name`
  AND OLD.`first_name` IS NEW.`first_name` AND OLD.`last_name` IS NEW.`last_name`
  AND OLD.`confirmation_date` IS NEW.`confirmation_date` AND OLD.`purged_at` IS NEW.`purged_at`
)
BEGIN
  UPDATE `mirror_change_seq` SET `seq` = `seq` + 1;
  UPDATE `known_bookings` SET `change_seq` = (SELECT `seq` FROM `mirror_change_seq`) WHERE `booking_id` = NEW.`booking_id`;
END;
