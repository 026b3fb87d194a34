-- Benchmark data versions (decision 044): triggers bump a counter whenever an input of the partner comparison,
-- HR's peer figures or the programme indicators changes, so the server can keep computed figures per version.
-- `scans`: submitted scans and their scores, organisations' attributes and consent. `indicators`: those and
-- newcomer records, matches and module completions.
INSERT INTO `benchmark_data_versions` (`topic`, `version`) VALUES ('scans', 0), ('indicators', 0);
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_scans_insert` AFTER INSERT ON `scans` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_scans_update` AFTER UPDATE OF `organisation_id`, `instrument_version`, `period`, `status`, `submitted_at`, `overall_score`, `overall_level` ON `scans` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_scans_delete` AFTER DELETE ON `scans` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_dimension_scores_insert` AFTER INSERT ON `scan_dimension_scores` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'scans'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_dimension_scores_update` AFTER UPDATE ON `scan_dimension_scores` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'scans'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_dimension_scores_delete` AFTER DELETE ON `scan_dimension_scores` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'scans'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_organisations_insert` AFTER INSERT ON `organisations` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_organisations_update` AFTER UPDATE OF `kind`, `name`, `country`, `sector`, `size_band`, `benchmark_consent` ON `organisations` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_organisations_delete` AFTER DELETE ON `organisations` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` IN ('scans', 'indicators'); END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_newcomer_records_insert` AFTER INSERT ON `newcomer_records` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_newcomer_records_update` AFTER UPDATE OF `organisation_id`, `created_at` ON `newcomer_records` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_newcomer_records_delete` AFTER DELETE ON `newcomer_records` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_matches_insert` AFTER INSERT ON `matches` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_matches_update` AFTER UPDATE OF `organisation_id`, `newcomer_id`, `status`, `accepted_at` ON `matches` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_matches_delete` AFTER DELETE ON `matches` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_module_completions_insert` AFTER INSERT ON `module_completions` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_module_completions_update` AFTER UPDATE OF `organisation_id` ON `module_completions` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_dv_module_completions_delete` AFTER DELETE ON `module_completions` BEGIN UPDATE `benchmark_data_versions` SET `version` = `version` + 1 WHERE `topic` = 'indicators'; END;
