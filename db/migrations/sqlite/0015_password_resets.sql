CREATE TABLE `admin_password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`requested_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `admin_password_resets_user` ON `admin_password_resets` (`user_id`);--> statement-breakpoint
ALTER TABLE `admin_sessions` ADD `user_agent` text;--> statement-breakpoint
ALTER TABLE `admin_sessions` ADD `address` text;