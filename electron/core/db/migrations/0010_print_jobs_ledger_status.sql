DROP INDEX `print_jobs_ledger_idx`;--> statement-breakpoint
CREATE INDEX `print_jobs_ledger_status_idx` ON `print_jobs` (`ledger_id`,`status`);