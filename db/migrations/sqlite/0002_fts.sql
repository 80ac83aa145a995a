-- Full-text search over name, email and cover letter for the admin inbox. An external-content FTS5 table
-- stores only the index; triggers keep it in step with applications, and the backfill covers existing rows.
CREATE VIRTUAL TABLE `applications_fts` USING fts5(
	full_name, email, cover_letter,
	content='applications', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `applications_fts_insert` AFTER INSERT ON `applications` BEGIN
	INSERT INTO applications_fts(rowid, full_name, email, cover_letter)
	VALUES (new.id, new.full_name, new.email, new.cover_letter);
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_delete` AFTER DELETE ON `applications` BEGIN
	INSERT INTO applications_fts(applications_fts, rowid, full_name, email, cover_letter)
	VALUES ('delete', old.id, old.full_name, old.email, old.cover_letter);
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_update` AFTER UPDATE OF full_name, email, cover_letter ON `applications` BEGIN
	INSERT INTO applications_fts(applications_fts, rowid, full_name, email, cover_letter)
	VALUES ('delete', old.id, old.full_name, old.email, old.cover_letter);
	INSERT INTO applications_fts(rowid, full_name, email, cover_letter)
	VALUES (new.id, new.full_name, new.email, new.cover_letter);
END;
--> statement-breakpoint
INSERT INTO applications_fts(rowid, full_name, email, cover_letter)
SELECT id, full_name, email, cover_letter FROM applications;
