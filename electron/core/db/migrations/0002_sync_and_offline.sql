CREATE TABLE `offers` (
	`offer_id` integer PRIMARY KEY NOT NULL,
	`venue_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`duration_minutes` integer,
	`is_duo` integer NOT NULL,
	`status` text NOT NULL,
	`poster_url` text,
	`poster_file` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `offers_venue_idx` ON `offers` (`venue_id`);--> statement-breakpoint
CREATE TABLE `sync_streams` (
	`name` text PRIMARY KEY NOT NULL,
	`cursor` integer,
	`last_run_at` text,
	`last_success_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `upload_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ledger_id` integer NOT NULL,
	`action` text NOT NULL,
	`token` text NOT NULL,
	`booking_id` integer,
	`provisional` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`may_have_reached` integer DEFAULT false NOT NULL,
	`reason_code` text,
	`reason` text,
	`note` text,
	`comment` text,
	`created_at` text NOT NULL,
	`last_attempt_at` text,
	`next_attempt_at` text,
	`done_at` text,
	FOREIGN KEY (`ledger_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upload_queue_idempotency_idx` ON `upload_queue` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `upload_queue_state_idx` ON `upload_queue` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `upload_queue_token_idx` ON `upload_queue` (`token`);--> statement-breakpoint
ALTER TABLE `known_bookings` ADD `search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `known_bookings_stock_idx` ON `known_bookings` (`stock_id`);--> statement-breakpoint
CREATE INDEX `known_bookings_venue_id_idx` ON `known_bookings` (`venue_id`,`booking_id`);