CREATE TABLE `application_counts` (
	`posting_slug` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`posting_slug`, `status`)
);
--> statement-breakpoint
-- Kept exact by triggers on every insert, delete and change of status or posting.
CREATE TRIGGER `application_counts_insert` AFTER INSERT ON `applications` BEGIN
	INSERT INTO application_counts(posting_slug, status, count) VALUES (new.posting_slug, new.status, 1)
	ON CONFLICT(posting_slug, status) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `application_counts_delete` AFTER DELETE ON `applications` BEGIN
	UPDATE application_counts SET count = count - 1 WHERE posting_slug = old.posting_slug AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER `application_counts_update` AFTER UPDATE OF status, posting_slug ON `applications` BEGIN
	UPDATE application_counts SET count = count - 1 WHERE posting_slug = old.posting_slug AND status = old.status;
	INSERT INTO application_counts(posting_slug, status, count) VALUES (new.posting_slug, new.status, 1)
	ON CONFLICT(posting_slug, status) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
INSERT INTO application_counts(posting_slug, status, count)
SELECT posting_slug, status, count(*) FROM applications GROUP BY posting_slug, status;
