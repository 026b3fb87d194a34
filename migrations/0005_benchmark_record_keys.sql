CREATE TABLE `benchmark_record_keys` (
	`organisation_id` integer PRIMARY KEY NOT NULL,
	`record_key` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
