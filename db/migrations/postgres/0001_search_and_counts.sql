-- Full-text search over name, email and cover letter for the admin inbox: a generated tsvector column with a
-- GIN index. 'simple' keeps words as written (names are not English); an email's punctuation becomes spaces,
-- so its parts are words of their own, as SQLite's FTS5 tokenizer makes them.
ALTER TABLE "applications" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
	to_tsvector('simple', "full_name" || ' ' || translate("email", '@._+-', '     ') || ' ' || coalesce("cover_letter", ''))
) STORED;
--> statement-breakpoint
CREATE INDEX "applications_search" ON "applications" USING gin ("search_vector");
--> statement-breakpoint
-- Applications per posting and status, kept exact by a trigger on every insert, delete and change of status
-- or posting, so the inbox's counts never count a million rows.
CREATE FUNCTION application_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE application_counts SET count = count - 1 WHERE posting_slug = OLD.posting_slug AND status = OLD.status;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO application_counts (posting_slug, status, count) VALUES (NEW.posting_slug, NEW.status, 1)
		ON CONFLICT (posting_slug, status) DO UPDATE SET count = application_counts.count + 1;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_counts_insert_delete AFTER INSERT OR DELETE ON "applications"
	FOR EACH ROW EXECUTE FUNCTION application_counts_keep();
--> statement-breakpoint
CREATE TRIGGER application_counts_update AFTER UPDATE OF status, posting_slug ON "applications"
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.posting_slug IS DISTINCT FROM NEW.posting_slug)
	EXECUTE FUNCTION application_counts_keep();
