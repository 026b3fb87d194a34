CREATE TABLE `module_completions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer,
	`module_key` text NOT NULL,
	`score_percent` integer NOT NULL,
	`passed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_completions_user_module_unique` ON `module_completions` (`user_id`,`module_key`);--> statement-breakpoint
CREATE INDEX `module_completions_org_module_idx` ON `module_completions` (`organisation_id`,`module_key`);