CREATE TABLE `admin_invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`invited_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	FOREIGN KEY (`invited_by`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `admin_invitations_email` ON `admin_invitations` (`email`);--> statement-breakpoint
CREATE TABLE `posting_members` (
	`posting_slug` text NOT NULL,
	`user_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`posting_slug`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `posting_members_user` ON `posting_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `posting_versions` (
	`hash` text PRIMARY KEY NOT NULL,
	`posting_slug` text NOT NULL,
	`front_matter` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `posting_versions_posting` ON `posting_versions` (`posting_slug`,`created_at`);--> statement-breakpoint
CREATE TABLE `scorecards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`ratings` text NOT NULL,
	`overall` integer,
	`note` text,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_application_author` ON `scorecards` (`application_id`,`author_id`);--> statement-breakpoint
ALTER TABLE `admin_users` ADD `role` text DEFAULT 'owner' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `assignee_id` integer REFERENCES admin_users(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `source` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `source_medium` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `source_campaign` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `referrer` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `posting_version` text;--> statement-breakpoint
CREATE INDEX `applications_assignee_id` ON `applications` (`assignee_id`,`id`);--> statement-breakpoint
CREATE INDEX `applications_source_id` ON `applications` (`source`,`id`);