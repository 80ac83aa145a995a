CREATE TABLE `pipeline_days` (
	`day` integer NOT NULL,
	`posting_slug` text NOT NULL,
	`source` text NOT NULL,
	`stage` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `posting_slug`, `source`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `pipeline_durations` (
	`day` integer NOT NULL,
	`posting_slug` text NOT NULL,
	`stage` text NOT NULL,
	`bucket` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `posting_slug`, `stage`, `bucket`)
);
--> statement-breakpoint
-- Kept by triggers as applications arrive and move (features/dashboard/pipeline.ts reads them). An application
-- counts once, at the furthest stage it reached; the time spent in a stage is counted when the application leaves
-- it, and the time to a hire at the first hire. Buckets: floor(4 * log2(1 + minutes)).
CREATE TRIGGER `pipeline_application_insert` AFTER INSERT ON `applications` BEGIN
	INSERT INTO pipeline_days(day, posting_slug, source, stage, count)
	VALUES (cast(new.created_at / 86400000 as integer), new.posting_slug, coalesce(new.source, ''),
		CASE WHEN new.status IN ('reviewing', 'interview', 'offer', 'hired') THEN new.status ELSE 'new' END, 1)
	ON CONFLICT(day, posting_slug, source, stage) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pipeline_status_change` AFTER INSERT ON `status_changes` BEGIN
	-- The time spent in the stage just left: since the change before this one, or since the application arrived.
	INSERT INTO pipeline_durations(day, posting_slug, stage, bucket, count)
	SELECT cast(a.created_at / 86400000 as integer), a.posting_slug, new.from_status,
		cast(floor(4 * log2(1 + max(0, new.changed_at - coalesce((SELECT p.changed_at FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id ORDER BY p.id DESC LIMIT 1), a.created_at)) / 60000.0)) as integer), 1
	FROM applications a
	WHERE a.id = new.application_id AND new.from_status IN ('new', 'reviewing', 'interview', 'offer')
	ON CONFLICT(day, posting_slug, stage, bucket) DO UPDATE SET count = count + 1;
	-- The time to a hire, the first time the application is hired.
	INSERT INTO pipeline_durations(day, posting_slug, stage, bucket, count)
	SELECT cast(a.created_at / 86400000 as integer), a.posting_slug, 'hire', cast(floor(4 * log2(1 + max(0, new.changed_at - a.created_at) / 60000.0)) as integer), 1
	FROM applications a
	WHERE a.id = new.application_id AND new.to_status = 'hired' AND (SELECT coalesce(max((CASE s WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END)), 0) FROM (
		SELECT p.from_status AS s FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT p.to_status FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT new.from_status)) < 4
	ON CONFLICT(day, posting_slug, stage, bucket) DO UPDATE SET count = count + 1;
	-- A step further than ever before: the application moves from the stage it had reached to this one.
	UPDATE pipeline_days SET count = count - 1
	WHERE (day, posting_slug, source) = (
		SELECT cast(a.created_at / 86400000 as integer), a.posting_slug, coalesce(a.source, '') FROM applications a WHERE a.id = new.application_id
	)
		AND stage = (CASE (SELECT coalesce(max((CASE s WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END)), 0) FROM (
		SELECT p.from_status AS s FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT p.to_status FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT new.from_status)) WHEN 0 THEN 'new' WHEN 1 THEN 'reviewing' WHEN 2 THEN 'interview' WHEN 3 THEN 'offer' ELSE 'hired' END)
		AND (CASE new.to_status WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END) > (SELECT coalesce(max((CASE s WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END)), 0) FROM (
		SELECT p.from_status AS s FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT p.to_status FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT new.from_status));
	INSERT INTO pipeline_days(day, posting_slug, source, stage, count)
	SELECT cast(a.created_at / 86400000 as integer), a.posting_slug, coalesce(a.source, ''), new.to_status, 1
	FROM applications a
	WHERE a.id = new.application_id AND (CASE new.to_status WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END) > (SELECT coalesce(max((CASE s WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END)), 0) FROM (
		SELECT p.from_status AS s FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT p.to_status FROM status_changes p WHERE p.application_id = new.application_id AND p.id < new.id
		UNION ALL SELECT new.from_status))
	ON CONFLICT(day, posting_slug, source, stage) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
-- What the triggers would have kept, from the applications and status changes already stored.
INSERT INTO pipeline_days(day, posting_slug, source, stage, count)
SELECT day, posting_slug, source, (CASE reached WHEN 0 THEN 'new' WHEN 1 THEN 'reviewing' WHEN 2 THEN 'interview' WHEN 3 THEN 'offer' ELSE 'hired' END), count(*)
FROM (
	SELECT cast(a.created_at / 86400000 as integer) AS day, a.posting_slug, coalesce(a.source, '') AS source,
		coalesce((SELECT max((CASE s WHEN 'new' THEN 0 WHEN 'reviewing' THEN 1 WHEN 'interview' THEN 2 WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 END)) FROM (
			SELECT c.from_status AS s FROM status_changes c WHERE c.application_id = a.id
			UNION ALL SELECT c.to_status FROM status_changes c WHERE c.application_id = a.id
			UNION ALL SELECT a.status
		)), 0) AS reached
	FROM applications a
)
GROUP BY day, posting_slug, source, reached;
--> statement-breakpoint
INSERT INTO pipeline_durations(day, posting_slug, stage, bucket, count)
SELECT day, posting_slug, stage, bucket, count(*)
FROM (
	SELECT cast(a.created_at / 86400000 as integer) AS day, a.posting_slug, c.stage, cast(floor(4 * log2(1 + max(0, c.changed_at - coalesce(c.entered, a.created_at)) / 60000.0)) as integer) AS bucket
	FROM (
		SELECT application_id, from_status AS stage, changed_at,
			lag(changed_at) OVER (PARTITION BY application_id ORDER BY id) AS entered
		FROM status_changes
	) c
	JOIN applications a ON a.id = c.application_id
	WHERE c.stage IN ('new', 'reviewing', 'interview', 'offer')
	UNION ALL
	SELECT cast(a.created_at / 86400000 as integer), a.posting_slug, 'hire', cast(floor(4 * log2(1 + max(0, c.changed_at - a.created_at) / 60000.0)) as integer)
	FROM status_changes c
	JOIN applications a ON a.id = c.application_id
	WHERE c.to_status = 'hired' AND c.from_status <> 'hired' AND NOT EXISTS (
		SELECT 1 FROM status_changes p WHERE p.application_id = c.application_id AND p.id < c.id AND 'hired' IN (p.from_status, p.to_status)
	)
)
GROUP BY day, posting_slug, stage, bucket;
