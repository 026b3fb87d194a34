ALTER TABLE `action_items` ADD `owner_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `action_items` ADD `revision` integer DEFAULT 1 NOT NULL;