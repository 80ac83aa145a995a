CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window_start` ON `rate_limits` (`window_start`);--> statement-breakpoint
ALTER TABLE `resumes` ADD `object_key` text;--> statement-breakpoint
CREATE INDEX `resumes_object_key` ON `resumes` (`object_key`);