CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`scan_id` integer NOT NULL,
	`item_key` text,
	`dimension_key` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_items_scan_idx` ON `action_items` (`scan_id`);--> statement-breakpoint
CREATE TABLE `instrument_dimensions` (
	`version` integer NOT NULL,
	`key` text NOT NULL,
	`number` integer NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL,
	`module_keys` text NOT NULL,
	FOREIGN KEY (`version`) REFERENCES `instrument_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrument_dimensions_pk` ON `instrument_dimensions` (`version`,`key`);--> statement-breakpoint
CREATE TABLE `instrument_items` (
	`version` integer NOT NULL,
	`key` text NOT NULL,
	`dimension_key` text NOT NULL,
	`position` integer NOT NULL,
	`text_nl` text NOT NULL,
	`text_en` text NOT NULL,
	`help_nl` text NOT NULL,
	`help_en` text NOT NULL,
	`core` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`version`) REFERENCES `instrument_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrument_items_pk` ON `instrument_items` (`version`,`key`);--> statement-breakpoint
CREATE TABLE `instrument_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`loaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scan_answers` (
	`scan_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`value` text NOT NULL,
	`comment` text,
	`answered_by_user_id` integer,
	`answered_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_answers_pk` ON `scan_answers` (`scan_id`,`item_key`);--> statement-breakpoint
CREATE TABLE `scan_dimension_scores` (
	`scan_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`score` real,
	`level` integer,
	FOREIGN KEY (`scan_id`) REFERENCES `scans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_dimension_scores_pk` ON `scan_dimension_scores` (`scan_id`,`dimension_key`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`instrument_version` integer NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`copied_from_scan_id` integer,
	`started_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`submitted_at` text,
	`submitted_by_user_id` integer,
	`overall_score` real,
	`overall_level` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`instrument_version`) REFERENCES `instrument_versions`(`version`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`submitted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scans_org_period_unique` ON `scans` (`organisation_id`,`period`);--> statement-breakpoint
CREATE INDEX `scans_status_idx` ON `scans` (`status`,`organisation_id`);