CREATE TABLE "pipeline_days" (
	"day" integer NOT NULL,
	"posting_slug" text NOT NULL,
	"source" text NOT NULL,
	"stage" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pipeline_days_day_posting_slug_source_stage_pk" PRIMARY KEY("day","posting_slug","source","stage")
);
--> statement-breakpoint
CREATE TABLE "pipeline_durations" (
	"day" integer NOT NULL,
	"posting_slug" text NOT NULL,
	"stage" text NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pipeline_durations_day_posting_slug_stage_bucket_pk" PRIMARY KEY("day","posting_slug","stage","bucket")
);
--> statement-breakpoint
-- Kept by triggers as applications arrive and move: db/migrations/sqlite/0011_pipeline_stats.sql explains them.
CREATE FUNCTION pipeline_bucket(spent interval) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
	SELECT floor(4 * log(2, (1 + greatest(0, extract(epoch from spent)) / 60)::numeric))::integer
$$;
--> statement-breakpoint
CREATE FUNCTION pipeline_application_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO pipeline_days (day, posting_slug, source, stage, count)
	VALUES (floor(extract(epoch from NEW.created_at) / 86400)::integer, NEW.posting_slug, coalesce(NEW.source, ''),
		CASE WHEN NEW.status IN ('reviewing', 'interview', 'offer', 'hired') THEN NEW.status ELSE 'new' END, 1)
	ON CONFLICT (day, posting_slug, source, stage) DO UPDATE SET count = pipeline_days.count + 1;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pipeline_application_insert AFTER INSERT ON "applications"
	FOR EACH ROW EXECUTE FUNCTION pipeline_application_insert();
--> statement-breakpoint
CREATE FUNCTION pipeline_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	stages text[] := ARRAY['new', 'reviewing', 'interview', 'offer', 'hired'];
	app record;
	entered timestamptz;
	reached integer;
	next_stage integer;
BEGIN
	SELECT floor(extract(epoch from a.created_at) / 86400)::integer AS day, a.posting_slug, coalesce(a.source, '') AS source, a.created_at
	INTO app FROM applications a WHERE a.id = NEW.application_id;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- The time spent in the stage just left: since the change before this one, or since the application arrived.
	SELECT p.changed_at INTO entered FROM status_changes p
	WHERE p.application_id = NEW.application_id AND p.id < NEW.id ORDER BY p.id DESC LIMIT 1;
	IF NEW.from_status IN ('new', 'reviewing', 'interview', 'offer') THEN
		INSERT INTO pipeline_durations (day, posting_slug, stage, bucket, count)
		VALUES (app.day, app.posting_slug, NEW.from_status, pipeline_bucket(NEW.changed_at - coalesce(entered, app.created_at)), 1)
		ON CONFLICT (day, posting_slug, stage, bucket) DO UPDATE SET count = pipeline_durations.count + 1;
	END IF;
	-- A step further than ever before: the application moves from the stage it had reached to this one.
	SELECT coalesce(max(array_position(stages, s)), 1) - 1 INTO reached FROM (
		SELECT p.from_status AS s FROM status_changes p WHERE p.application_id = NEW.application_id AND p.id < NEW.id
		UNION ALL SELECT p.to_status FROM status_changes p WHERE p.application_id = NEW.application_id AND p.id < NEW.id
		UNION ALL SELECT NEW.from_status
	) AS seen;
	next_stage := array_position(stages, NEW.to_status) - 1;
	IF next_stage > reached THEN
		UPDATE pipeline_days SET count = count - 1
		WHERE day = app.day AND posting_slug = app.posting_slug AND source = app.source AND stage = stages[reached + 1];
		INSERT INTO pipeline_days (day, posting_slug, source, stage, count)
		VALUES (app.day, app.posting_slug, app.source, NEW.to_status, 1)
		ON CONFLICT (day, posting_slug, source, stage) DO UPDATE SET count = pipeline_days.count + 1;
		-- The time to a hire, the first time the application is hired.
		IF NEW.to_status = 'hired' THEN
			INSERT INTO pipeline_durations (day, posting_slug, stage, bucket, count)
			VALUES (app.day, app.posting_slug, 'hire', pipeline_bucket(NEW.changed_at - app.created_at), 1)
			ON CONFLICT (day, posting_slug, stage, bucket) DO UPDATE SET count = pipeline_durations.count + 1;
		END IF;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pipeline_status_change AFTER INSERT ON "status_changes"
	FOR EACH ROW EXECUTE FUNCTION pipeline_status_change();
--> statement-breakpoint
-- What the triggers would have kept, from the applications and status changes already stored.
INSERT INTO pipeline_days (day, posting_slug, source, stage, count)
SELECT day, posting_slug, source, (ARRAY['new', 'reviewing', 'interview', 'offer', 'hired'])[reached + 1], count(*)
FROM (
	SELECT floor(extract(epoch from a.created_at) / 86400)::integer AS day, a.posting_slug, coalesce(a.source, '') AS source,
		coalesce((SELECT max(array_position(ARRAY['new', 'reviewing', 'interview', 'offer', 'hired'], s)) FROM (
			SELECT c.from_status AS s FROM status_changes c WHERE c.application_id = a.id
			UNION ALL SELECT c.to_status FROM status_changes c WHERE c.application_id = a.id
			UNION ALL SELECT a.status
		) AS seen), 1) - 1 AS reached
	FROM applications a
) AS reached_by
GROUP BY day, posting_slug, source, reached;
--> statement-breakpoint
INSERT INTO pipeline_durations (day, posting_slug, stage, bucket, count)
SELECT day, posting_slug, stage, bucket, count(*)
FROM (
	SELECT floor(extract(epoch from a.created_at) / 86400)::integer AS day, a.posting_slug, c.stage, pipeline_bucket(c.changed_at - coalesce(c.entered, a.created_at)) AS bucket
	FROM (
		SELECT application_id, from_status AS stage, changed_at,
			lag(changed_at) OVER (PARTITION BY application_id ORDER BY id) AS entered
		FROM status_changes
	) c
	JOIN applications a ON a.id = c.application_id
	WHERE c.stage IN ('new', 'reviewing', 'interview', 'offer')
	UNION ALL
	SELECT floor(extract(epoch from a.created_at) / 86400)::integer, a.posting_slug, 'hire', pipeline_bucket(c.changed_at - a.created_at)
	FROM status_changes c
	JOIN applications a ON a.id = c.application_id
	WHERE c.to_status = 'hired' AND c.from_status <> 'hired' AND NOT EXISTS (
		SELECT 1 FROM status_changes p WHERE p.application_id = c.application_id AND p.id < c.id AND 'hired' IN (p.from_status, p.to_status)
	)
) AS stays
GROUP BY day, posting_slug, stage, bucket;
