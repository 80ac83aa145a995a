CREATE TABLE `alert_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`category` text,
	`department` text,
	`location` text,
	`remote_only` integer DEFAULT false NOT NULL,
	`frequency` text NOT NULL,
	`nonce` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`renewed_at` integer NOT NULL,
	`last_digest_at` integer
);
--> statement-breakpoint
CREATE INDEX `alert_subscriptions_email` ON `alert_subscriptions` (`email_key`);--> statement-breakpoint
CREATE INDEX `alert_subscriptions_confirmed` ON `alert_subscriptions` (`frequency`,`confirmed_at`);--> statement-breakpoint
CREATE INDEX `alert_subscriptions_created` ON `alert_subscriptions` (`created_at`);--> statement-breakpoint
CREATE TABLE `posting_announcements` (
	`posting_slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`department` text,
	`location` text,
	`remote` integer NOT NULL,
	`announced_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `posting_announcements_at` ON `posting_announcements` (`announced_at`);