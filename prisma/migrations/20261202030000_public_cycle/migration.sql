-- What citizens see of a sitting before and after it is held.
--
-- 1. A stable public address. A sitting's slug ("2022-04-07", "2022-04-07-2"
--    for a second sitting of that day) is given once, when the sitting first
--    becomes public (a deliberation of it is published, or it is convened),
--    and never changes after (trigger RG020): today's ranking among the public
--    sittings of a day shifted a "-2" when another sitting of that day became
--    public. Existing public sittings keep the address they have today.
-- 2. The calendar: a sitting may be cancelled (date and reason), and its
--    calendar sequence (RFC 5545 SEQUENCE) is bumped by the database whenever
--    what the calendar event shows changes, so every client updates the same
--    event (its UID is the sitting's id). A sitting with a published
--    deliberation was held: it cannot be cancelled (RG021).
--
-- SQLSTATEs:
--   RG020 sitting_public_slug_immutable   a public slug given out changes
--   RG021 sitting_cancel_held             a held sitting (published act) is cancelled
--   RG022 sitting_secretary_not_first     the sitting's secretary is listed again among the others

ALTER TABLE "sitting"
  ADD COLUMN "public_slug" TEXT,
  ADD COLUMN "cancelled_at" TIMESTAMPTZ(3),
  ADD COLUMN "cancellation_reason" TEXT,
  ADD COLUMN "calendar_sequence" INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT "sitting_public_slug_check" CHECK ("public_slug" ~ '^\d{4}-\d{2}-\d{2}(-([2-9]|[1-9]\d))?$'),
  ADD CONSTRAINT "sitting_cancellation_check" CHECK (
    ("cancelled_at" IS NULL AND "cancellation_reason" IS NULL)
    OR ("cancelled_at" IS NOT NULL AND "cancellation_reason" IS NOT NULL
        AND btrim("cancellation_reason") <> '' AND length("cancellation_reason") <= 1000)),
  ADD CONSTRAINT "sitting_calendar_sequence_check" CHECK ("calendar_sequence" >= 0);

CREATE UNIQUE INDEX "sitting_municipality_id_public_slug_key" ON "sitting"("municipality_id", "public_slug");

-- Convened: the convocation recorded. Until the sendings of the convocation are
-- recorded, a sitting is convened when it has an agenda and its convocation
-- date has come (the municipality's calendar day). Redefined (CREATE OR
-- REPLACE) when the sendings exist; lib/sittings/convened.ts says the same.
CREATE FUNCTION "sitting_is_convened"("sitting" UUID) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "sitting" s JOIN "municipality" m ON m."id" = s."municipality_id"
    WHERE s."id" = "sitting"
      AND s."convocation_date" <= (now() AT TIME ZONE m."time_zone")::date
      AND EXISTS (SELECT 1 FROM "agenda_item" a WHERE a."sitting_id" = s."id"))
$$;

-- Gives the sitting its public slug if it has none: its day in the
-- municipality's time zone, ranked after the slugs of that day already given.
CREATE FUNCTION "assign_sitting_public_slug"("sitting" UUID) RETURNS VOID
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
  IF NOT FOUND OR target."public_slug" IS NOT NULL THEN RETURN; END IF;
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

-- Existing public sittings (a published deliberation) keep today's address:
-- their day, ranked among that day's public sittings by opening time.
-- (tests/integration/public-cycle.test.ts runs this statement, up to the next blank line.)
UPDATE "sitting" s SET "public_slug" = ranked."slug"
FROM (
  SELECT p."id",
         CASE WHEN row_number() OVER w = 1 THEN p."day" ELSE p."day" || '-' || row_number() OVER w END AS "slug"
  FROM (
    SELECT s."id", s."municipality_id", s."starts_at",
           to_char(s."starts_at" AT TIME ZONE m."time_zone", 'YYYY-MM-DD') AS "day"
    FROM "sitting" s JOIN "municipality" m ON m."id" = s."municipality_id"
    WHERE EXISTS (SELECT 1 FROM "deliberation" d
                  WHERE d."sitting_id" = s."id" AND d."status" = 'PUBLISHED' AND d."published_at" IS NOT NULL)
  ) p
  WINDOW w AS (PARTITION BY p."municipality_id", p."day" ORDER BY p."starts_at", p."id")
) ranked
WHERE ranked."id" = s."id";

SELECT "assign_sitting_public_slug"(s."id") FROM "sitting" s
WHERE s."public_slug" IS NULL AND "sitting_is_convened"(s."id");

CREATE FUNCTION "sitting_public_slug_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."public_slug" IS NOT NULL AND NEW."public_slug" IS DISTINCT FROM OLD."public_slug" THEN
    RAISE EXCEPTION 'sitting % has the public address %: it never changes', OLD."id", OLD."public_slug"
      USING ERRCODE = 'RG020', CONSTRAINT = 'sitting_public_slug_immutable';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_public_slug_immutable"
  BEFORE UPDATE OF "public_slug" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_public_slug_immutable"();

-- A published deliberation makes its sitting public.
CREATE FUNCTION "deliberation_published_sitting_slug"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "assign_sitting_public_slug"(NEW."sitting_id");
  RETURN NULL;
END $$;

CREATE TRIGGER "deliberation_published_sitting_slug"
  AFTER INSERT OR UPDATE OF "status" ON "deliberation"
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED')
  EXECUTE FUNCTION "deliberation_published_sitting_slug"();

-- So does its convocation: the sitting's convocation date, or its first agenda item.
CREATE FUNCTION "sitting_convened_slug"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF "sitting_is_convened"(NEW."sitting_id") THEN
    PERFORM "assign_sitting_public_slug"(NEW."sitting_id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "agenda_item_convened_slug"
  AFTER INSERT ON "agenda_item"
  FOR EACH ROW EXECUTE FUNCTION "sitting_convened_slug"();

CREATE FUNCTION "sitting_convocation_slug"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."public_slug" IS NULL AND "sitting_is_convened"(NEW."id") THEN
    PERFORM "assign_sitting_public_slug"(NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "sitting_convocation_slug"
  AFTER UPDATE OF "convocation_date" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_convocation_slug"();

-- The calendar event changes with the sitting's hour, place, kind, openness or
-- cancellation: the sequence follows, and is never set by hand.
CREATE FUNCTION "sitting_calendar_sequence"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."calendar_sequence" := OLD."calendar_sequence";
  IF (NEW."starts_at", NEW."place", NEW."kind", NEW."is_public", NEW."cancelled_at", NEW."cancellation_reason")
     IS DISTINCT FROM (OLD."starts_at", OLD."place", OLD."kind", OLD."is_public", OLD."cancelled_at", OLD."cancellation_reason") THEN
    NEW."calendar_sequence" := OLD."calendar_sequence" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_calendar_sequence"
  BEFORE UPDATE ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_calendar_sequence"();

CREATE FUNCTION "sitting_cancel_held"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."cancelled_at" IS NOT NULL AND OLD."cancelled_at" IS NULL
    AND EXISTS (SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = NEW."id" AND d."status" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'sitting % has a published deliberation: it was held and cannot be cancelled', NEW."id"
      USING ERRCODE = 'RG021', CONSTRAINT = 'sitting_cancel_held';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_cancel_held"
  BEFORE UPDATE OF "cancelled_at" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_cancel_held"();

-- 3. The register (R2121-9): the portal prints the closing sheet of each
--    sitting and, for each year, the table by date and the table by subject of
--    its deliberations, signed and kept like the extracts. A year's table has
--    no sitting: it names its year. The new kinds are compared as text in the
--    check, since a value added to an enum cannot be used in the transaction
--    that adds it.
ALTER TYPE "extract_kind" ADD VALUE 'CLOSING_SHEET';
ALTER TYPE "extract_kind" ADD VALUE 'REGISTER_TABLE_BY_DATE';
ALTER TYPE "extract_kind" ADD VALUE 'REGISTER_TABLE_BY_MATTER';

ALTER TABLE "issued_extract" ADD COLUMN "register_year" INTEGER;
ALTER TABLE "issued_extract" DROP CONSTRAINT "issued_extract_subject";
ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_subject" CHECK (
  CASE "kind"::text
    WHEN 'DELIBERATION' THEN "deliberation_id" IS NOT NULL AND "sitting_id" IS NULL AND "register_year" IS NULL
    WHEN 'SITTING_LIST' THEN "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL AND "register_year" IS NULL
    WHEN 'CLOSING_SHEET' THEN "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL AND "register_year" IS NULL
    ELSE "register_year" IS NOT NULL AND "sitting_id" IS NULL AND "deliberation_id" IS NULL
  END);
CREATE UNIQUE INDEX "issued_extract_municipality_id_kind_register_year_source_digest_key"
  ON "issued_extract"("municipality_id", "kind", "register_year", "source_digest");

-- A sitting may have more than one secretary: the sitting's secretary_id is the
-- first, these are the others, in order. Each signs the closing sheet.
CREATE TABLE "sitting_secretary" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id" UUID NOT NULL,
  "sitting_id"      UUID NOT NULL,
  "councillor_id"   UUID NOT NULL,
  "position"        INTEGER NOT NULL,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "sitting_secretary_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sitting_secretary_position_check" CHECK ("position" >= 2)
);

CREATE UNIQUE INDEX "sitting_secretary_sitting_id_councillor_id_key" ON "sitting_secretary"("sitting_id", "councillor_id");
CREATE UNIQUE INDEX "sitting_secretary_sitting_id_position_key" ON "sitting_secretary"("sitting_id", "position");

ALTER TABLE "sitting_secretary" ADD CONSTRAINT "sitting_secretary_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sitting_secretary" ADD CONSTRAINT "sitting_secretary_sitting_fkey"
  FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sitting_secretary" ADD CONSTRAINT "sitting_secretary_councillor_fkey"
  FOREIGN KEY ("municipality_id", "councillor_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The first secretary is the sitting's own: listed again here, they would sign twice.
CREATE FUNCTION "sitting_secretary_not_first"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "sitting" s WHERE s."id" = NEW."sitting_id" AND s."secretary_id" = NEW."councillor_id") THEN
    RAISE EXCEPTION 'councillor % is already the secretary of sitting %', NEW."councillor_id", NEW."sitting_id"
      USING ERRCODE = 'RG022', CONSTRAINT = 'sitting_secretary_not_first';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_secretary_not_first"
  BEFORE INSERT OR UPDATE ON "sitting_secretary"
  FOR EACH ROW EXECUTE FUNCTION "sitting_secretary_not_first"();
