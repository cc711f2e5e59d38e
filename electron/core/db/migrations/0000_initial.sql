CREATE TABLE `known_bookings` (
	`booking_id` integer PRIMARY KEY NOT NULL,
	`token` text,
	`status` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`price_category_label` text,
	`offer_id` integer NOT NULL,
	`offer_name` text NOT NULL,
	`stock_id` integer NOT NULL,
	`venue_id` integer NOT NULL,
	`venue_name` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`confirmation_date` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `known_bookings_token_idx` ON `known_bookings` (`token`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`counter_name` text NOT NULL,
	`kind` text NOT NULL,
	`token` text NOT NULL,
	`booking_id` integer,
	`outcome` text NOT NULL,
	`platform_status` integer,
	`platform_answer` text
);
--> statement-breakpoint
CREATE INDEX `ledger_at_idx` ON `ledger_entries` (`at`);--> statement-breakpoint
CREATE INDEX `ledger_token_idx` ON `ledger_entries` (`token`,`id`);--> statement-breakpoint
CREATE TABLE `seances` (
	`stock_id` integer PRIMARY KEY NOT NULL,
	`offer_id` integer NOT NULL,
	`beginning_datetime` text NOT NULL,
	`price_category_label` text NOT NULL,
	`price_cents` integer NOT NULL,
	`quantity` integer,
	`booked_quantity` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seances_offer_idx` ON `seances` (`offer_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
