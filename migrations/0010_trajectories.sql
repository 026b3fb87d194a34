CREATE TABLE `trajectories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`newcomer_record_id` integer NOT NULL,
	`catalogue_version` integer NOT NULL,
	`current_role` text,
	`target_role` text,
	`outcome` text,
	`outcome_date` text,
	`outcome_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`newcomer_record_id`) REFERENCES `newcomer_records`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trajectories_record_unique` ON `trajectories` (`newcomer_record_id`);--> statement-breakpoint
CREATE INDEX `trajectories_org_idx` ON `trajectories` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `trajectory_anonymous_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`retained_6` integer,
	`retained_12` integer,
	`at_level_12` integer,
	`months_to_recognition` real,
	`months_to_level_contract` real,
	`language_gain` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `trajectory_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`type` text NOT NULL,
	`role` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trajectory_contracts_idx` ON `trajectory_contracts` (`trajectory_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `trajectory_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`moment` text NOT NULL,
	`situation` text NOT NULL,
	`confirmed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`confirmed_by_user_id` integer,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trajectory_follow_ups_unique` ON `trajectory_follow_ups` (`trajectory_id`,`moment`);--> statement-breakpoint
CREATE TABLE `trajectory_language_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`level` text NOT NULL,
	`measured_on` text NOT NULL,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trajectory_language_levels_idx` ON `trajectory_language_levels` (`trajectory_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `trajectory_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`step_key` text NOT NULL,
	`reached_on` text NOT NULL,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trajectory_steps_unique` ON `trajectory_steps` (`trajectory_id`,`step_key`);