-- Restoring a whole portal from its export (npm run export, then npm run
-- import -- <file> --format registre; lib/import/registre): the rows come
-- back as they were (ids, timestamps, hashes, frozen records), which some
-- guards refuse because they judge a write as it happens today. A restore
-- mode lifts exactly those, for one municipality, in one transaction:
--
-- * opened by inserting a row into portal_restore, which only the owner of the
--   tables may do (lib/db/privileges.ts revokes it from the runtime role), for
--   a municipality that does not exist yet (RG060): an existing municipality's
--   rows are never touched by a restore;
-- * bound to the transaction that opened it (its id), and closed by it before
--   commit (finished_at), so that the deferred checks run at commit as for any
--   write; the row stays as the record of the restore, never changed after
--   (RG061) nor removed.
--
-- What it lifts (the function portal_restoring is asked by each):
-- * the national derogation windows a new municipality gets: the file brings
--   the municipality's own, as they were edited;
-- * the snapshot taken at publication: the file brings the one taken then
--   (the names it froze may have changed since); a published act without its
--   snapshot is still refused at commit;
-- * the public slug given when a sitting becomes public: the file brings it;
-- * a procès-verbal starting as a draft: the file brings it at the step it
--   reached (the later sitting and its day are still checked);
-- * the sending of a convocation setting its sitting's date and judged
--   against today's population: the file brings the sitting's date, and the
--   delay was judged when it was sent.
-- Everything else applies unchanged: check constraints, foreign keys, the
-- immutability of a published act (the importer inserts an act before its
-- publication and publishes it last, in the order the workflow allows), and
-- every deferred rule on counts, proxies, receipts and snapshots.
--
--   RG060 portal_restore_new_municipality   a restore opened for a municipality already there
--   RG061 portal_restore_closed             a restore's record changed (other than closed by its own transaction) or removed

CREATE TABLE "portal_restore" (
  "id"              BIGSERIAL NOT NULL,
  -- No foreign key: the restore is opened before its municipality's row is written.
  "municipality_id" UUID NOT NULL,
  "transaction_id"  BIGINT NOT NULL,
  "restored_by"     TEXT NOT NULL,
  "started_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at"     TIMESTAMPTZ(3),

  CONSTRAINT "portal_restore_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "portal_restore_finished_check" CHECK ("finished_at" IS NULL OR "finished_at" >= "started_at")
);

CREATE UNIQUE INDEX "portal_restore_municipality_id_key" ON "portal_restore"("municipality_id");

-- Whether this transaction is restoring that municipality.
CREATE FUNCTION "portal_restoring"("municipality" UUID) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "portal_restore" r
    WHERE r."municipality_id" = "municipality" AND r."finished_at" IS NULL
      AND r."transaction_id" = pg_current_xact_id_if_assigned()::text::bigint)
$$;

CREATE FUNCTION "portal_restore_open"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "municipality" m WHERE m."id" = NEW."municipality_id") THEN
    RAISE EXCEPTION 'municipality % already exists: a portal is restored only into a new municipality', NEW."municipality_id"
      USING ERRCODE = 'RG060', CONSTRAINT = 'portal_restore_new_municipality';
  END IF;
  -- Stated by the database, whatever the statement says.
  NEW."transaction_id" := pg_current_xact_id()::text::bigint;
  NEW."restored_by" := current_user;
  NEW."started_at" := CURRENT_TIMESTAMP;
  NEW."finished_at" := NULL;
  RETURN NEW;
END $$;

CREATE TRIGGER "portal_restore_open"
  BEFORE INSERT ON "portal_restore"
  FOR EACH ROW EXECUTE FUNCTION "portal_restore_open"();

CREATE FUNCTION "portal_restore_closed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."finished_at" IS NULL AND NEW."finished_at" IS NOT NULL
     AND OLD."transaction_id" = pg_current_xact_id_if_assigned()::text::bigint
     AND (NEW."id", NEW."municipality_id", NEW."transaction_id", NEW."restored_by", NEW."started_at")
         IS NOT DISTINCT FROM (OLD."id", OLD."municipality_id", OLD."transaction_id", OLD."restored_by", OLD."started_at") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the restore of municipality % is a record: only its own transaction closes it, once', OLD."municipality_id"
    USING ERRCODE = 'RG061', CONSTRAINT = 'portal_restore_closed';
END $$;

CREATE TRIGGER "portal_restore_closed"
  BEFORE UPDATE OR DELETE ON "portal_restore"
  FOR EACH ROW EXECUTE FUNCTION "portal_restore_closed"();

-- refuse_truncate() comes from 20261201050000_truncate_guards.
CREATE TRIGGER "portal_restore_no_truncate"
  BEFORE TRUNCATE ON "portal_restore"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

-- The guards that ask. Each body is its latest migration's, with the one question added.

-- 20261201020000_derogation_windows
CREATE OR REPLACE FUNCTION "municipality_national_derogation_windows"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF "portal_restoring"(NEW."id") THEN RETURN NULL; END IF;
  PERFORM "insert_national_derogation_windows"(NEW."id");
  RETURN NULL;
END $$;

-- 20261201030000_published_snapshot
CREATE OR REPLACE FUNCTION "deliberation_snapshot_take"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF "portal_restoring"(NEW."municipality_id") THEN RETURN NULL; END IF;
  INSERT INTO "deliberation_snapshot" ("deliberation_id", "municipality_id", "municipality_record", "record")
  VALUES (NEW."id", NEW."municipality_id", municipality_record(NEW."municipality_id"), deliberation_record(NEW."id"));
  RETURN NULL;
END $$;

-- 20261202030000_public_cycle
CREATE OR REPLACE FUNCTION "assign_sitting_public_slug"("sitting" UUID) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  target RECORD;
  candidate TEXT;
  rank INTEGER := 1;
BEGIN
  SELECT s."id", s."municipality_id", s."public_slug",
         to_char(s."starts_at" AT TIME ZONE m."time_zone", 'YYYY-MM-DD') AS "day"
    INTO target
    FROM "sitting" s JOIN "municipality" m ON m."id" = s."municipality_id"
    WHERE s."id" = "sitting";
  IF NOT FOUND OR target."public_slug" IS NOT NULL OR "portal_restoring"(target."municipality_id") THEN RETURN; END IF;
  -- Two sittings of one day becoming public at once must not pick the same rank.
  PERFORM pg_advisory_xact_lock(hashtext('sitting_public_slug:' || target."municipality_id"::text || ':' || target."day"));
  LOOP
    candidate := CASE WHEN rank = 1 THEN target."day" ELSE target."day" || '-' || rank END;
    EXIT WHEN NOT EXISTS (
      SELECT 1 FROM "sitting" s WHERE s."municipality_id" = target."municipality_id" AND s."public_slug" = candidate);
    rank := rank + 1;
  END LOOP;
  UPDATE "sitting" SET "public_slug" = candidate WHERE "id" = target."id" AND "public_slug" IS NULL;
END $$;

-- 20261202040000_minutes
CREATE OR REPLACE FUNCTION "minutes_status_order"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  own_start TIMESTAMPTZ;
  approving_start TIMESTAMPTZ;
  approving_day DATE;
BEGIN
  IF TG_OP = 'INSERT' AND NEW."status" <> 'DRAFT' AND NOT "portal_restoring"(NEW."municipality_id") THEN
    RAISE EXCEPTION 'minutes start as a draft, not %', NEW."status"
      USING ERRCODE = 'RG031', CONSTRAINT = 'minutes_status_order';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."status" IS DISTINCT FROM OLD."status" AND NOT (
       (OLD."status" = 'DRAFT' AND NEW."status" = 'SUBMITTED')
    OR (OLD."status" = 'SUBMITTED' AND NEW."status" IN ('DRAFT', 'ADOPTED'))
    OR (OLD."status" = 'ADOPTED' AND NEW."status" = 'PUBLISHED')
  ) THEN
    RAISE EXCEPTION 'minutes cannot go from % to %', OLD."status", NEW."status"
      USING ERRCODE = 'RG031', CONSTRAINT = 'minutes_status_order';
  END IF;
  IF NEW."sitting_id" IS DISTINCT FROM OLD."sitting_id" AND TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'minutes stay with their sitting'
      USING ERRCODE = 'RG031', CONSTRAINT = 'minutes_status_order';
  END IF;
  IF NEW."approving_sitting_id" IS NOT NULL THEN
    SELECT s."starts_at" INTO own_start FROM "sitting" s WHERE s."id" = NEW."sitting_id";
    SELECT s."starts_at", (s."starts_at" AT TIME ZONE m."time_zone")::date INTO approving_start, approving_day
      FROM "sitting" s JOIN "municipality" m ON m."id" = s."municipality_id" WHERE s."id" = NEW."approving_sitting_id";
    IF approving_start IS NULL OR approving_start <= own_start THEN
      RAISE EXCEPTION 'minutes are submitted to a later sitting'
        USING ERRCODE = 'RG032', CONSTRAINT = 'minutes_later_sitting';
    END IF;
    IF NEW."adopted_at" IS NOT NULL AND NEW."adopted_at" <> approving_day THEN
      RAISE EXCEPTION 'minutes are adopted at the sitting they were submitted to (%), not on %', approving_day, NEW."adopted_at"
        USING ERRCODE = 'RG034', CONSTRAINT = 'minutes_adopted_at_sitting';
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- 20261202020000_convocation
CREATE OR REPLACE FUNCTION "convocation_sending_recorded"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF "portal_restoring"(NEW."municipality_id") THEN RETURN NULL; END IF;
  UPDATE "sitting" s
     SET "convocation_date" = (
       SELECT (max(c."sent_at") AT TIME ZONE m."time_zone")::date
         FROM "convocation_sending" c JOIN "municipality" m ON m."id" = c."municipality_id"
        WHERE c."sitting_id" = NEW."sitting_id"
        GROUP BY m."time_zone")
   WHERE s."id" = NEW."sitting_id";
  PERFORM "check_convocation_delays"(NEW."sitting_id");
  RETURN NULL;
END $$;
