CREATE TABLE `candidate_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `candidate_links_email` ON `candidate_links` (`email_key`);--> statement-breakpoint
CREATE TABLE `candidate_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `candidate_sessions_email` ON `candidate_sessions` (`email_key`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`application_id` integer,
	`data` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_application` ON `outbox` (`application_id`);--> statement-breakpoint
CREATE TABLE `pending_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`requested_at` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`changed_by` integer,
	`note` text,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_status_changes`("id", "application_id", "from_status", "to_status", "changed_by", "note", "changed_at") SELECT "id", "application_id", "from_status", "to_status", "changed_by", NULL, "changed_at" FROM `status_changes`;--> statement-breakpoint
DROP TABLE `status_changes`;--> statement-breakpoint
ALTER TABLE `__new_status_changes` RENAME TO `status_changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `status_changes_application` ON `status_changes` (`application_id`,`id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `erased_at` integer;--> statement-breakpoint
CREATE INDEX `applications_decided_at` ON `applications` (`decided_at`);--> statement-breakpoint
-- Retention counts from when an application became final: for those already final, its last change.
UPDATE `applications` SET `decided_at` = coalesce(
	(SELECT max(`changed_at`) FROM `status_changes` WHERE `status_changes`.`application_id` = `applications`.`id`),
	`created_at`
) WHERE `status` IN ('hired', 'rejected', 'withdrawn');
