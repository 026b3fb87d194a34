CREATE TABLE `buddy_introductions` (
	`buddy_profile_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`buddy_profile_id`) REFERENCES `buddy_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `newcomer_check_in_notes` (
	`check_in_id` integer PRIMARY KEY NOT NULL,
	`note` text,
	`wants_to_talk` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pulse_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`opened_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pulse_campaigns_org_idx` ON `pulse_campaigns` (`organisation_id`,`closes_on`);--> statement-breakpoint
CREATE TABLE `pulse_open_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`period` text NOT NULL,
	`batch` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pulse_open_answers_group_idx` ON `pulse_open_answers` (`organisation_id`,`audience`,`period`);--> statement-breakpoint
CREATE TABLE `pulse_participations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`occasion` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pulse_participations_user_occasion_unique` ON `pulse_participations` (`user_id`,`occasion`);--> statement-breakpoint
CREATE TABLE `pulse_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`period` text NOT NULL,
	`batch` integer NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pulse_responses_group_idx` ON `pulse_responses` (`organisation_id`,`audience`,`period`);