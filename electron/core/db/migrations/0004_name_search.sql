ALTER TABLE `known_bookings` ADD `search_first_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `known_bookings_search_idx` ON `known_bookings` (`search_key`);--> statement-breakpoint
CREATE INDEX `known_bookings_search_first_idx` ON `known_bookings` (`search_first_key`);