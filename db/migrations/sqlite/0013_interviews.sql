CREATE TABLE `interview_interviewers` (
	`interview_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`interview_id`, `user_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interview_interviewers_user` ON `interview_interviewers` (`user_id`);--> statement-breakpoint
CREATE TABLE `interview_slots` (
	`interview_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	PRIMARY KEY(`interview_id`, `starts_at`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`uid` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`location` text NOT NULL,
	`time_zone` text NOT NULL,
	`candidate_time_zone` text,
	`cutoff_hours` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`message` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviews_uid_unique` ON `interviews` (`uid`);--> statement-breakpoint
CREATE INDEX `interviews_application` ON `interviews` (`application_id`,`id`);--> statement-breakpoint
CREATE INDEX `interviews_status_starts` ON `interviews` (`status`,`starts_at`);