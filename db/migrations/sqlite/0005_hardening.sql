ALTER TABLE `admin_sessions` ADD `failed_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `admin_sessions` ADD `previous_sign_in_at` integer;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `last_sign_in_at` integer;--> statement-breakpoint
CREATE INDEX `audit_log_actor_at` ON `audit_log` (`actor_email`,`at`);--> statement-breakpoint
CREATE INDEX `resumes_created_at` ON `resumes` (`created_at`);--> statement-breakpoint
-- Throttling is per address and per (account, address) from now on: old per-account locks no longer apply.
DELETE FROM `login_throttle` WHERE `key` LIKE 'account:%';
