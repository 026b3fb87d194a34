CREATE INDEX `login_attempts_at_idx` ON `login_attempts` (`at`);--> statement-breakpoint
CREATE INDEX `matches_status_deadline_idx` ON `matches` (`status`,`deadline`);