-- The procès-verbal of a sitting (L2121-15): drawn up from the records by the
-- secretary, completed by the clerk (the substance of the discussions, the
-- ballot requests, the urgency ruling), submitted to a later sitting, adopted
-- there (at its opening, with the vote and any observations), then signed and
-- published. Once published it never changes; a correction is a new version
-- whose previous_version_id points to the published one.
--   RG030 minutes_published_immutable   a published PV is changed or deleted
--   RG031 minutes_status_order          a step skipped (published before adoption…)
--   RG032 minutes_later_sitting         submitted to a sitting that is not later than its own
--   RG033 minutes_version_chain         a new version that does not follow a published one
--   RG034 minutes_adopted_at_sitting    adopted on another day than the sitting it was submitted to

CREATE TYPE "minutes_status" AS ENUM ('DRAFT', 'SUBMITTED', 'ADOPTED', 'PUBLISHED');

ALTER TYPE "extract_kind" ADD VALUE 'MINUTES';

-- The signed PV is an issued extract of its sitting. (The new enum value cannot
-- be used in the transaction that adds it: the check compares its text.)
ALTER TABLE "issued_extract" DROP CONSTRAINT "issued_extract_subject";
ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_subject" CHECK (
  ("kind" = 'DELIBERATION' AND "deliberation_id" IS NOT NULL AND "sitting_id" IS NULL)
  OR ("kind"::text IN ('SITTING_LIST', 'MINUTES') AND "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL)
);

CREATE TABLE "minutes" (
  "id"                     UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id"        UUID NOT NULL,
  "sitting_id"             UUID NOT NULL,
  "version"                INTEGER NOT NULL DEFAULT 1,
  "previous_version_id"    UUID,
  "correction_reason"      TEXT,
  "status"                 "minutes_status" NOT NULL DEFAULT 'DRAFT',
  "opening_discussion"     TEXT,
  "ballot_requests"        TEXT,
  "urgency_ruling"         TEXT,
  "item_discussions"       JSONB NOT NULL,
  "approving_sitting_id"   UUID,
  "submitted_at"           TIMESTAMPTZ(3),
  "adopted_at"             DATE,
  "adoption_votes_for"     INTEGER,
  "adoption_votes_against" INTEGER,
  "adoption_abstentions"   INTEGER,
  "adoption_observations"  TEXT,
  "published_at"           TIMESTAMPTZ(3),
  "record"                 JSONB,
  "created_at"             TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"             TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "minutes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "minutes_version_check" CHECK ("version" >= 1 AND ("version" = 1) = ("previous_version_id" IS NULL)),
  CONSTRAINT "minutes_correction_reason_check" CHECK (("previous_version_id" IS NULL) OR ("correction_reason" IS NOT NULL AND btrim("correction_reason") <> '')),
  CONSTRAINT "minutes_item_discussions_check" CHECK (jsonb_typeof("item_discussions") = 'object'),
  CONSTRAINT "minutes_not_own_sitting_check" CHECK ("approving_sitting_id" IS NULL OR "approving_sitting_id" <> "sitting_id"),
  CONSTRAINT "minutes_adoption_counts_check" CHECK (
    coalesce("adoption_votes_for", 0) >= 0 AND coalesce("adoption_votes_against", 0) >= 0 AND coalesce("adoption_abstentions", 0) >= 0),
  -- What each status requires: submitted names the later sitting; adopted has its date and vote; published its date and frozen record.
  CONSTRAINT "minutes_status_fields_check" CHECK (
    CASE "status"
      WHEN 'DRAFT' THEN "adopted_at" IS NULL AND "published_at" IS NULL AND "record" IS NULL
      WHEN 'SUBMITTED' THEN "approving_sitting_id" IS NOT NULL AND "submitted_at" IS NOT NULL AND "adopted_at" IS NULL AND "published_at" IS NULL AND "record" IS NULL
      WHEN 'ADOPTED' THEN "approving_sitting_id" IS NOT NULL AND "submitted_at" IS NOT NULL AND "adopted_at" IS NOT NULL
        AND "adoption_votes_for" IS NOT NULL AND "adoption_votes_against" IS NOT NULL AND "adoption_abstentions" IS NOT NULL
        AND "published_at" IS NULL AND "record" IS NULL
      ELSE "approving_sitting_id" IS NOT NULL AND "adopted_at" IS NOT NULL AND "adoption_votes_for" IS NOT NULL
        AND "adoption_votes_against" IS NOT NULL AND "adoption_abstentions" IS NOT NULL AND "published_at" IS NOT NULL AND "record" IS NOT NULL
    END)
);

CREATE UNIQUE INDEX "minutes_sitting_id_version_key" ON "minutes"("sitting_id", "version");
CREATE UNIQUE INDEX "minutes_previous_version_id_key" ON "minutes"("previous_version_id");
CREATE UNIQUE INDEX "minutes_municipality_id_id_key" ON "minutes"("municipality_id", "id");
CREATE INDEX "minutes_municipality_id_status_idx" ON "minutes"("municipality_id", "status");
CREATE INDEX "minutes_approving_sitting_id_idx" ON "minutes"("approving_sitting_id");

ALTER TABLE "minutes" ADD CONSTRAINT "minutes_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_sitting_fkey"
  FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_approving_sitting_fkey"
  FOREIGN KEY ("municipality_id", "approving_sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_previous_version_id_fkey"
  FOREIGN KEY ("previous_version_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published means immutable.
CREATE FUNCTION "minutes_published_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'the minutes % (version %) are published and cannot be changed (make a new version)', OLD."id", OLD."version"
      USING ERRCODE = 'RG030', CONSTRAINT = 'minutes_published_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "minutes_published_immutable"
  BEFORE UPDATE OR DELETE ON "minutes"
  FOR EACH ROW EXECUTE FUNCTION "minutes_published_immutable"();

-- The workflow, one step at a time: DRAFT -> SUBMITTED -> ADOPTED -> PUBLISHED
-- (a submitted draft may go back to DRAFT before its adoption); a new row starts as a draft.
CREATE FUNCTION "minutes_status_order"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  own_start TIMESTAMPTZ;
  approving_start TIMESTAMPTZ;
  approving_day DATE;
BEGIN
  IF TG_OP = 'INSERT' AND NEW."status" <> 'DRAFT' THEN
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

CREATE TRIGGER "minutes_status_order"
  BEFORE INSERT OR UPDATE ON "minutes"
  FOR EACH ROW EXECUTE FUNCTION "minutes_status_order"();

-- A new version follows the published one of the same sitting, numbered next.
CREATE FUNCTION "minutes_version_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."previous_version_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "minutes" p
    WHERE p."id" = NEW."previous_version_id" AND p."sitting_id" = NEW."sitting_id"
      AND p."status" = 'PUBLISHED' AND p."version" = NEW."version" - 1
  ) THEN
    RAISE EXCEPTION 'a new version of minutes follows the published version % of the same sitting', NEW."version" - 1
      USING ERRCODE = 'RG033', CONSTRAINT = 'minutes_version_chain';
  END IF;
  IF NEW."previous_version_id" IS NULL AND EXISTS (
    SELECT 1 FROM "minutes" m WHERE m."sitting_id" = NEW."sitting_id" AND m."id" <> NEW."id"
  ) THEN
    RAISE EXCEPTION 'the sitting already has minutes: a correction is a new version of the published one'
      USING ERRCODE = 'RG033', CONSTRAINT = 'minutes_version_chain';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "minutes_version_chain"
  BEFORE INSERT OR UPDATE OF "previous_version_id", "version", "sitting_id" ON "minutes"
  FOR EACH ROW EXECUTE FUNCTION "minutes_version_chain"();

CREATE TRIGGER "minutes_published_no_truncate" BEFORE TRUNCATE ON "minutes"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
