CREATE TABLE `buddy_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`profession` text NOT NULL,
	`site_id` integer,
	`department_id` integer,
	`dutch_level` text NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`shifts` text DEFAULT '[]' NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`gender` text,
	`capacity` integer DEFAULT 1 NOT NULL,
	`years_in_organisation` integer DEFAULT 0 NOT NULL,
	`own_newcomer_experience` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`paused_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buddy_profiles_user_unique` ON `buddy_profiles` (`user_id`);--> statement-breakpoint
CREATE INDEX `buddy_profiles_org_idx` ON `buddy_profiles` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `check_ins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`match_id` integer NOT NULL,
	`key` text NOT NULL,
	`due_date` text NOT NULL,
	`done_at` text,
	`note` text,
	`done_by_user_id` integer,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_match_key_unique` ON `check_ins` (`match_id`,`key`);--> statement-breakpoint
CREATE TABLE `forbidden_pairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`newcomer_id` integer NOT NULL,
	`buddy_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`newcomer_id`) REFERENCES `newcomer_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buddy_id`) REFERENCES `buddy_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forbidden_pairs_unique` ON `forbidden_pairs` (`newcomer_id`,`buddy_id`);--> statement-breakpoint
CREATE TABLE `matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`run_id` integer,
	`newcomer_id` integer NOT NULL,
	`buddy_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`explanation` text DEFAULT '[]' NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`kept` integer DEFAULT false NOT NULL,
	`proposed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deadline` text NOT NULL,
	`responded_at` text,
	`accepted_at` text,
	`ended_at` text,
	`reason` text,
	`do_not_rematch` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `matching_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`newcomer_id`) REFERENCES `newcomer_records`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buddy_id`) REFERENCES `buddy_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `matches_org_status_idx` ON `matches` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_buddy_status_idx` ON `matches` (`buddy_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_newcomer_idx` ON `matches` (`newcomer_id`);--> statement-breakpoint
CREATE TABLE `matching_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`weights_version` integer NOT NULL,
	`weights_levels` text NOT NULL,
	`pins` text DEFAULT '{}' NOT NULL,
	`result` text DEFAULT '{}' NOT NULL,
	`matched` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`certificate_ok` integer DEFAULT false NOT NULL,
	`certificate_reason` text,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `matching_runs_org_idx` ON `matching_runs` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `matching_weights` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`version` integer NOT NULL,
	`levels` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matching_weights_org_version_unique` ON `matching_weights` (`organisation_id`,`version`);--> statement-breakpoint
CREATE TABLE `newcomer_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	`profession` text NOT NULL,
	`site_id` integer,
	`department_id` integer,
	`start_date` text NOT NULL,
	`dutch_level` text NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`shifts` text DEFAULT '[]' NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`buddy_gender_preference` text,
	`recognition_status` text DEFAULT 'not_started' NOT NULL,
	`notes` text,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`erased_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `newcomer_records_org_idx` ON `newcomer_records` (`organisation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `newcomer_records_user_unique` ON `newcomer_records` (`user_id`);