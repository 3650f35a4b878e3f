-- The convocation (CGCT L2121-10 to L2121-12): sent to each councillor,
-- electronically by default, on paper on request; its delay runs from the
-- latest sending: 5 clear days from 3,500 inhabitants (or an unknown
-- population), 3 below, 1 at least when the mayor invokes an urgency, with its
-- reason. The sitting's convocation date is the local day of its latest
-- sending once sendings are recorded (older sittings keep the date typed from
-- their archives); a sitting not yet convened has none, and cannot have a
-- voted act. The same rules are pure functions in lib/domain/convocation.ts.

-- A councillor's address for the convocation, and paper on request: never public.
ALTER TABLE "councillor"
  ADD COLUMN "email" TEXT,
  ADD COLUMN "paper_on_request" BOOLEAN NOT NULL DEFAULT false,
  ADD CONSTRAINT "councillor_email_check" CHECK ("email" IS NULL OR ("email" ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length("email") <= 254));

ALTER TABLE "sitting"
  ALTER COLUMN "convocation_date" DROP NOT NULL,
  ADD COLUMN "urgent" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "urgency_reason" TEXT,
  ADD CONSTRAINT "sitting_urgency_reason_check" CHECK (
    CASE WHEN "urgent" THEN "urgency_reason" IS NOT NULL AND btrim("urgency_reason") <> '' AND length("urgency_reason") <= 2000
    ELSE "urgency_reason" IS NULL END);

ALTER TYPE "extract_kind" ADD VALUE 'CONVOCATION';

-- A convocation is issued for a sitting. (The new value cannot be cast in the transaction that adds
-- it: the check compares the kind's text.)
ALTER TABLE "issued_extract" DROP CONSTRAINT "issued_extract_subject",
  ADD CONSTRAINT "issued_extract_subject" CHECK (
    ("kind" = 'DELIBERATION' AND "deliberation_id" IS NOT NULL AND "sitting_id" IS NULL)
    OR ("kind"::text IN ('SITTING_LIST', 'CONVOCATION') AND "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL)
  );

CREATE TYPE "convocation_channel" AS ENUM ('EMAIL', 'PAPER');

-- One sending of the convocation to one councillor (a corrected agenda is sent again: a new row).
-- Evidence: never changed nor removed (trigger).
CREATE TABLE "convocation_sending" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id" UUID NOT NULL,
  "sitting_id"      UUID NOT NULL,
  "councillor_id"   UUID NOT NULL,
  "channel"         "convocation_channel" NOT NULL,
  "sent_at"         TIMESTAMPTZ(3) NOT NULL,
  "email_address"   TEXT,
  "message_id"      TEXT,
  "extract_id"      UUID,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "convocation_sending_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "convocation_sending_channel_check" CHECK (("channel" = 'EMAIL') = ("email_address" IS NOT NULL))
);

CREATE INDEX "convocation_sending_sitting_id_sent_at_idx" ON "convocation_sending"("sitting_id", "sent_at");
CREATE INDEX "convocation_sending_councillor_id_idx" ON "convocation_sending"("councillor_id");

ALTER TABLE "convocation_sending" ADD CONSTRAINT "convocation_sending_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "convocation_sending" ADD CONSTRAINT "convocation_sending_sitting_fkey"
  FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "convocation_sending" ADD CONSTRAINT "convocation_sending_councillor_fkey"
  FOREIGN KEY ("municipality_id", "councillor_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- extract_id names the issued_extract sent, without a foreign key: one would make TRUNCATE of
-- issued_extract fail on the reference before its append-only guard could refuse it.

-- The delay each sending of a sitting gives it, against the rule that applies (RG011: shorter than the
-- ordinary delay without a marked urgency; RG012: less than one clear day).
CREATE FUNCTION "check_convocation_delays"(sitting UUID) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  delay RECORD;
BEGIN
  SELECT (s."starts_at" AT TIME ZONE m."time_zone")::date
           - (max(c."sent_at") AT TIME ZONE m."time_zone")::date - 1 AS clear_days,
         s."urgent",
         CASE WHEN m."population" IS NULL OR m."population" >= 3500 THEN 5 ELSE 3 END AS ordinary
    INTO delay
    FROM "sitting" s
    JOIN "municipality" m ON m."id" = s."municipality_id"
    JOIN "convocation_sending" c ON c."sitting_id" = s."id"
   WHERE s."id" = sitting
   GROUP BY s."id", m."id";
  IF delay IS NULL OR delay.clear_days IS NULL THEN RETURN; END IF;
  IF delay.clear_days < 1 THEN
    RAISE EXCEPTION 'the convocation of sitting % gives % clear days: at least one is required, even in an emergency', sitting, delay.clear_days
      USING ERRCODE = 'RG012', CONSTRAINT = 'convocation_delay';
  END IF;
  IF delay.clear_days < delay.ordinary AND NOT delay.urgent THEN
    RAISE EXCEPTION 'the convocation of sitting % gives % clear days, % required without a marked urgency', sitting, delay.clear_days, delay.ordinary
      USING ERRCODE = 'RG011', CONSTRAINT = 'convocation_delay';
  END IF;
END $$;

-- A sending sets the sitting's convocation date (the local day of its latest sending) and is checked.
CREATE FUNCTION "convocation_sending_recorded"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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

CREATE TRIGGER "convocation_sending_recorded"
  AFTER INSERT ON "convocation_sending"
  FOR EACH ROW EXECUTE FUNCTION "convocation_sending_recorded"();

CREATE FUNCTION "convocation_sending_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'convocation sending % is evidence: it cannot be changed or removed', OLD."id"
    USING ERRCODE = 'RG013', CONSTRAINT = 'convocation_sending_immutable';
END $$;

CREATE TRIGGER "convocation_sending_immutable"
  BEFORE UPDATE OR DELETE ON "convocation_sending"
  FOR EACH ROW EXECUTE FUNCTION "convocation_sending_immutable"();

-- A sitting's changes after its convocation keep the delay (lifting the urgency, moving the sitting
-- earlier) and keep the date the sendings give.
CREATE FUNCTION "sitting_convocation_kept"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "convocation_sending" c WHERE c."sitting_id" = NEW."id") THEN
    IF NEW."convocation_date" IS DISTINCT FROM (
         SELECT (max(c."sent_at") AT TIME ZONE m."time_zone")::date
           FROM "convocation_sending" c JOIN "municipality" m ON m."id" = c."municipality_id"
          WHERE c."sitting_id" = NEW."id" GROUP BY m."time_zone") THEN
      RAISE EXCEPTION 'sitting % was convened: its convocation date is that of its latest sending', NEW."id"
        USING ERRCODE = 'RG014', CONSTRAINT = 'sitting_convocation_kept';
    END IF;
    PERFORM "check_convocation_delays"(NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "sitting_convocation_kept"
  AFTER UPDATE OF "urgent", "starts_at", "convocation_date" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_convocation_kept"();

-- No voted act in a sitting that was never convened (RG010), from either side.
CREATE FUNCTION "deliberation_voted_needs_convocation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" IN ('VOTED', 'TRANSMITTED', 'PUBLISHED')
     AND EXISTS (SELECT 1 FROM "sitting" s WHERE s."id" = NEW."sitting_id" AND s."convocation_date" IS NULL) THEN
    RAISE EXCEPTION 'deliberation % is voted in sitting %, which has no convocation', NEW."id", NEW."sitting_id"
      USING ERRCODE = 'RG010', CONSTRAINT = 'deliberation_voted_needs_convocation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "deliberation_voted_needs_convocation"
  BEFORE INSERT OR UPDATE OF "status", "sitting_id" ON "deliberation"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_voted_needs_convocation"();

CREATE FUNCTION "sitting_voted_needs_convocation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."convocation_date" IS NULL AND EXISTS (
    SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = NEW."id" AND d."status" IN ('VOTED', 'TRANSMITTED', 'PUBLISHED')
  ) THEN
    RAISE EXCEPTION 'sitting % has voted acts: its convocation date cannot be removed', NEW."id"
      USING ERRCODE = 'RG010', CONSTRAINT = 'sitting_voted_needs_convocation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_voted_needs_convocation"
  BEFORE UPDATE OF "convocation_date" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_voted_needs_convocation"();

CREATE TRIGGER "convocation_sending_no_truncate"
  BEFORE TRUNCATE ON "convocation_sending"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
