DROP INDEX `upload_queue_idempotency_idx`;--> statement-breakpoint
ALTER TABLE `upload_queue` DROP COLUMN `idempotency_key`;