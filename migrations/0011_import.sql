CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`file_kind` text NOT NULL,
	`rows` text NOT NULL,
	`plan_hash` text NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`applied_at` text,
	`applied_by_user_id` integer,
	`summary` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`applied_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_org_idx` ON `import_batches` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `import_invitations` (
	`batch_id` integer NOT NULL,
	`invitation_id` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `invitation_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
