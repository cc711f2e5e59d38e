CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ledger_id` integer,
	`duplicate` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`failure_code` text,
	`failure_message` text,
	`payload` text NOT NULL,
	`printer` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`printed_at` text
);
--> statement-breakpoint
CREATE INDEX `print_jobs_status_idx` ON `print_jobs` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_ledger_idx` ON `print_jobs` (`ledger_id`);