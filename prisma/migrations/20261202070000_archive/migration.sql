-- Archived acts (issue 10): acts a town voted before Registre, brought in
-- from its SCDL files, its old extracts and minutes, or another Registre.
--
-- An archived act keeps its own identifier ("2011-02-007", "AP D 21-07-1")
-- and may carry less than an act entered here: no sitting officers, no place
-- or hour, no report, counts without a named roll call, a receipt without
-- ACTES identifier. What it does carry obeys the same constraints (tally
-- arithmetic, proxies, ACTES shape, members in office). Only archived rows
-- may leave those columns empty, and the database says so (RG040–RG043).
-- Archived acts are published at their original date and then immutable,
-- like any published act.

-- One row per imported file. Written when the import starts (so the acts can
-- name their file and their snapshot state it), finished once at the end
-- with its counts; after that, never changed (RG040).
CREATE TABLE "archive_import" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" BIGINT NOT NULL,
    "imported_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "rows_read" INTEGER,
    "acts_created" INTEGER,
    "acts_unchanged" INTEGER,
    "rows_skipped" INTEGER,
    "conflicts" INTEGER,
    "report" JSONB,

    CONSTRAINT "archive_import_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "archive_import_format_check" CHECK ("format" IN ('scdl', 'minutes', 'registre')),
    CONSTRAINT "archive_import_file_name_check" CHECK (length("file_name") BETWEEN 1 AND 255),
    CONSTRAINT "archive_import_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "archive_import_size_check" CHECK ("size" >= 0),
    CONSTRAINT "archive_import_finished_check" CHECK (
      ("finished_at" IS NULL) = ("rows_read" IS NULL) AND ("finished_at" IS NULL) = ("acts_created" IS NULL)
      AND ("finished_at" IS NULL) = ("acts_unchanged" IS NULL) AND ("finished_at" IS NULL) = ("rows_skipped" IS NULL)
      AND ("finished_at" IS NULL) = ("conflicts" IS NULL) AND ("finished_at" IS NULL) = ("report" IS NULL)
      AND coalesce("rows_read" >= 0 AND "acts_created" >= 0 AND "acts_unchanged" >= 0 AND "rows_skipped" >= 0 AND "conflicts" >= 0, true)
      AND ("finished_at" IS NULL OR "finished_at" >= "started_at"))
);

CREATE UNIQUE INDEX "archive_import_municipality_id_id_key" ON "archive_import"("municipality_id", "id");
CREATE INDEX "archive_import_municipality_id_started_at_idx" ON "archive_import"("municipality_id", "started_at");
ALTER TABLE "archive_import" ADD CONSTRAINT "archive_import_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "archive_import" ADD CONSTRAINT "archive_import_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "archive_import_finished_once"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD."finished_at" IS NOT NULL
     OR (NEW."id", NEW."municipality_id", NEW."format", NEW."file_name", NEW."sha256", NEW."size", NEW."imported_by_id", NEW."started_at")
        IS DISTINCT FROM
        (OLD."id", OLD."municipality_id", OLD."format", OLD."file_name", OLD."sha256", OLD."size", OLD."imported_by_id", OLD."started_at") THEN
    RAISE EXCEPTION 'archive import % is a record of what was imported: % refused', OLD."id", TG_OP
      USING ERRCODE = 'RG040', CONSTRAINT = 'archive_import_finished_once';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "archive_import_finished_once"
  BEFORE UPDATE OR DELETE ON "archive_import"
  FOR EACH ROW EXECUTE FUNCTION "archive_import_finished_once"();
CREATE TRIGGER "archive_import_no_truncate"
  BEFORE TRUNCATE ON "archive_import"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

-- Sittings: an archived sitting may name no officer, no place, no hour.
ALTER TABLE "sitting"
  ADD COLUMN "archive_import_id" UUID,
  ADD COLUMN "hour_known" BOOLEAN NOT NULL DEFAULT true,
  ALTER COLUMN "convened_by_id" DROP NOT NULL,
  ALTER COLUMN "president_id" DROP NOT NULL,
  ALTER COLUMN "secretary_id" DROP NOT NULL,
  ALTER COLUMN "place" DROP NOT NULL,
  ADD CONSTRAINT "sitting_archive_import_fkey" FOREIGN KEY ("municipality_id", "archive_import_id") REFERENCES "archive_import"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "sitting_known_unless_archived" CHECK (
    "archive_import_id" IS NOT NULL
    OR ("convened_by_id" IS NOT NULL AND "president_id" IS NOT NULL AND "secretary_id" IS NOT NULL AND "place" IS NOT NULL AND "hour_known"));
CREATE INDEX "sitting_archive_import_id_idx" ON "sitting"("archive_import_id");

-- Deliberations: an archived act keeps its identifier as written; its number
-- (the public address) is that identifier, or, when another act of the
-- municipality already holds it (identifiers repeat across years),
-- "<identifier>@<day>". Recognised again by its identifier and its day.
ALTER TABLE "deliberation"
  ADD COLUMN "archive_import_id" UUID,
  ADD COLUMN "original_identifier" TEXT,
  -- What the source stated, normalised: a re-import compares with it.
  ADD COLUMN "archive_facts" JSONB,
  ADD COLUMN "source_url" TEXT,
  ADD COLUMN "budget_year" TEXT,
  ADD COLUMN "budget_name" TEXT,
  ALTER COLUMN "sequence" DROP NOT NULL,
  ALTER COLUMN "matter_code" DROP NOT NULL,
  ALTER COLUMN "report" DROP NOT NULL,
  ALTER COLUMN "proposals" DROP NOT NULL,
  DROP CONSTRAINT "deliberation_number_check",
  DROP CONSTRAINT "deliberation_sequence_check",
  ADD CONSTRAINT "deliberation_archive_import_fkey" FOREIGN KEY ("municipality_id", "archive_import_id") REFERENCES "archive_import"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "deliberation_number_check" CHECK (
    CASE WHEN "archive_import_id" IS NULL THEN "number" = 'DL.' || "year" || '-' || "sequence"
    ELSE "sequence" IS NULL AND "number" IN ("original_identifier", "original_identifier" || '@' || to_char("voted_at", 'YYYY-MM-DD')) END),
  ADD CONSTRAINT "deliberation_sequence_check" CHECK (("sequence" IS NULL OR "sequence" > 0) AND "year" BETWEEN 1790 AND 9999),
  ADD CONSTRAINT "deliberation_archive_check" CHECK (
    CASE WHEN "archive_import_id" IS NULL THEN
      "original_identifier" IS NULL AND "archive_facts" IS NULL AND "matter_code" IS NOT NULL AND "report" IS NOT NULL AND "proposals" IS NOT NULL
    ELSE
      "original_identifier" IS NOT NULL AND "original_identifier" = btrim("original_identifier")
      AND length("original_identifier") BETWEEN 1 AND 100 AND "original_identifier" !~ '[[:cntrl:]@]'
      AND "archive_facts" IS NOT NULL AND "voted_at" IS NOT NULL AND "version" = 1
    END),
  ADD CONSTRAINT "deliberation_source_url_check" CHECK ("source_url" IS NULL OR "source_url" ~ '^https?://[^[:space:]]+$'),
  ADD CONSTRAINT "deliberation_budget_year_check" CHECK ("budget_year" IS NULL OR "budget_year" ~ '^[0-9]{4}(/[0-9]{4})?$');
CREATE UNIQUE INDEX "deliberation_archived_identity_key"
  ON "deliberation"("municipality_id", "original_identifier", "voted_at") WHERE "archive_import_id" IS NOT NULL;
CREATE INDEX "deliberation_archive_import_id_idx" ON "deliberation"("archive_import_id");
-- A search for an archived act's own identifier, in any case (lib/search/find-deliberation-by-reference.ts).
CREATE INDEX "deliberation_original_identifier_idx"
  ON "deliberation"("municipality_id", lower("original_identifier")) WHERE "archive_import_id" IS NOT NULL;

-- An archived act's year is its day's.
ALTER TABLE "deliberation"
  ADD CONSTRAINT "deliberation_archived_year_check" CHECK ("archive_import_id" IS NULL OR "year" = extract(year FROM "voted_at"));

-- An archived act lives in an archived sitting, and only archived acts do (RG041).
CREATE FUNCTION "deliberation_archive_sitting"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "sitting" s WHERE s."id" = NEW."sitting_id"
             AND (s."archive_import_id" IS NULL) <> (NEW."archive_import_id" IS NULL)) THEN
    RAISE EXCEPTION 'deliberation % and its sitting % are not both archived', NEW."number", NEW."sitting_id"
      USING ERRCODE = 'RG041', CONSTRAINT = 'deliberation_archive_sitting';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "deliberation_archive_sitting"
  BEFORE INSERT OR UPDATE OF "sitting_id", "archive_import_id" ON "deliberation"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_archive_sitting"();

-- An archived sitting was convened before Registre: the convocation rule (RG010) is for sittings held here.
CREATE OR REPLACE FUNCTION "deliberation_voted_needs_convocation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" IN ('VOTED', 'TRANSMITTED', 'PUBLISHED')
     AND EXISTS (SELECT 1 FROM "sitting" s WHERE s."id" = NEW."sitting_id" AND s."convocation_date" IS NULL AND s."archive_import_id" IS NULL) THEN
    RAISE EXCEPTION 'deliberation % is voted in sitting %, which has no convocation', NEW."id", NEW."sitting_id"
      USING ERRCODE = 'RG010', CONSTRAINT = 'deliberation_voted_needs_convocation';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION "sitting_voted_needs_convocation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."convocation_date" IS NULL AND NEW."archive_import_id" IS NULL AND EXISTS (
    SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = NEW."id" AND d."status" IN ('VOTED', 'TRANSMITTED', 'PUBLISHED')
  ) THEN
    RAISE EXCEPTION 'sitting % has voted acts: its convocation date cannot be removed', NEW."id"
      USING ERRCODE = 'RG010', CONSTRAINT = 'sitting_voted_needs_convocation';
  END IF;
  RETURN NEW;
END $$;

-- Votes: an archived act's figures may be partly unknown ("à l'unanimité",
-- "votants : 17" without present and represented). The tally's checks hold
-- on every figure given (a CHECK on an unknown term passes); what is given
-- must add up; only an archived act may leave a figure unknown (RG042).
ALTER TABLE "vote"
  ADD COLUMN "participants" INTEGER,
  ADD COLUMN "unanimous" BOOLEAN NOT NULL DEFAULT false,
  ALTER COLUMN "present_and_represented" DROP NOT NULL,
  ALTER COLUMN "present" DROP NOT NULL,
  ALTER COLUMN "represented" DROP NOT NULL,
  ALTER COLUMN "abstentions" DROP NOT NULL,
  ALTER COLUMN "non_participation" DROP NOT NULL,
  ALTER COLUMN "expressed" DROP NOT NULL,
  ALTER COLUMN "votes_for" DROP NOT NULL,
  ALTER COLUMN "votes_against" DROP NOT NULL,
  ADD CONSTRAINT "vote_participants_check" CHECK (
    "participants" IS NULL OR ("participants" >= 0
      AND "participants" = coalesce("expressed", "votes_for" + "votes_against") + "abstentions" IS NOT FALSE
      AND "participants" = "present_and_represented" - "non_participation" IS NOT FALSE
      AND "participants" >= coalesce("votes_for", 0) + coalesce("votes_against", 0) + coalesce("abstentions", 0))),
  ADD CONSTRAINT "vote_unanimous_check" CHECK (
    NOT "unanimous" OR ("result" = 'ADOPTED' AND coalesce("votes_against", 0) = 0 AND "casting_vote" IS NULL)),
  -- Unknown against a known "for" is not a tally: either both or neither (or unanimity: none against).
  ADD CONSTRAINT "vote_for_against_known_check" CHECK (
    ("votes_for" IS NULL) = ("votes_against" IS NULL) OR ("unanimous" AND "votes_against" IS NULL));

CREATE FUNCTION "vote_figures_known_unless_archived"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."present_and_represented" IS NULL OR NEW."present" IS NULL OR NEW."represented" IS NULL
      OR NEW."abstentions" IS NULL OR NEW."non_participation" IS NULL OR NEW."expressed" IS NULL
      OR NEW."votes_for" IS NULL OR NEW."votes_against" IS NULL OR NEW."participants" IS NOT NULL OR NEW."unanimous")
     AND EXISTS (SELECT 1 FROM "deliberation" d WHERE d."id" = NEW."deliberation_id" AND d."archive_import_id" IS NULL) THEN
    RAISE EXCEPTION 'vote of deliberation % leaves figures unknown: only an archived act may', NEW."deliberation_id"
      USING ERRCODE = 'RG042', CONSTRAINT = 'vote_figures_known_unless_archived';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "vote_figures_known_unless_archived"
  BEFORE INSERT OR UPDATE ON "vote"
  FOR EACH ROW EXECUTE FUNCTION "vote_figures_known_unless_archived"();

-- The members in office bound the participants too (RG003), like present and represented.
CREATE OR REPLACE FUNCTION "check_deliberation_counts"("deliberation" UUID) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  sitting_row RECORD;
  vote_row RECORD;
  listed INTEGER;
  present_rows INTEGER;
  represented_rows INTEGER;
  holder UUID;
BEGIN
  SELECT s."municipality_id", s."members_in_office", "sitting_day"(s."municipality_id", s."starts_at") AS "day"
    INTO sitting_row
    FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE d."id" = "deliberation";
  IF NOT FOUND THEN RETURN; END IF; -- the deliberation was deleted in this transaction

  SELECT a."proxy_holder_id" INTO holder
    FROM "attendance" a
    WHERE a."deliberation_id" = "deliberation" AND a."status" = 'REPRESENTED' AND a."proxy_holder_id" IS NOT NULL
    GROUP BY a."proxy_holder_id"
    HAVING count(*) > "proxy_limit_on"(sitting_row."municipality_id", sitting_row."day")
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'councillor % carries more proxies at deliberation % than allowed on %', holder, "deliberation", sitting_row."day"
      USING ERRCODE = 'RG001', CONSTRAINT = 'attendance_proxy_limit';
  END IF;

  SELECT v."present", v."represented", v."participants" INTO vote_row FROM "vote" v WHERE v."deliberation_id" = "deliberation";
  IF NOT FOUND THEN RETURN; END IF;
  -- Also an archived act known by its counts only: bound by the members in office (and the tally's checks).
  IF coalesce(vote_row."present" + vote_row."represented", vote_row."participants", 0) > sitting_row."members_in_office"
     OR coalesce(vote_row."participants", 0) > sitting_row."members_in_office" THEN
    RAISE EXCEPTION 'vote of deliberation % counts % voters for % members in office',
      "deliberation", greatest(vote_row."present" + vote_row."represented", vote_row."participants"), sitting_row."members_in_office"
      USING ERRCODE = 'RG003', CONSTRAINT = 'vote_counts_within_members';
  END IF;
  SELECT count(*), count(*) FILTER (WHERE a."status" = 'PRESENT'), count(*) FILTER (WHERE a."status" = 'REPRESENTED')
    INTO listed, present_rows, represented_rows
    FROM "attendance" a WHERE a."deliberation_id" = "deliberation";
  IF listed > 0 AND (vote_row."present" <> present_rows OR vote_row."represented" <> represented_rows) THEN
    RAISE EXCEPTION 'vote of deliberation % counts % present and % represented; its roll call % and %',
      "deliberation", vote_row."present", vote_row."represented", present_rows, represented_rows
      USING ERRCODE = 'RG002', CONSTRAINT = 'vote_counts_match_roll_call';
  END IF;
  -- An archived roll call bounds its votes: no more participants than present and represented.
  IF listed > 0 AND vote_row."participants" > present_rows + represented_rows THEN
    RAISE EXCEPTION 'vote of deliberation % counts % participants; its roll call % present and represented',
      "deliberation", vote_row."participants", present_rows + represented_rows
      USING ERRCODE = 'RG002', CONSTRAINT = 'vote_counts_match_roll_call';
  END IF;
END $$;

-- Receipts: an archive may know the authority (SCDL PREF_ID: PREF013,
-- SPREF0131, SGAR013) and the day without the ACTES identifier; only an
-- archived act's receipt may lack it (RG043).
ALTER TABLE "prefecture_receipt"
  ADD COLUMN "authority" TEXT,
  ALTER COLUMN "actes_id" DROP NOT NULL,
  ALTER COLUMN "received_at" DROP NOT NULL,
  ADD CONSTRAINT "prefecture_receipt_authority_check" CHECK ("authority" IS NULL OR "authority" ~ '^(PREF[0-9]{2}[0-9AB]|SPREF[0-9]{2}[0-9AB][0-9]{1,2}|SGAR[0-9]{2}[0-9AB])$'),
  ADD CONSTRAINT "prefecture_receipt_known_check" CHECK ("actes_id" IS NOT NULL OR "authority" IS NOT NULL OR "received_at" IS NOT NULL);

CREATE FUNCTION "prefecture_receipt_known_unless_archived"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."actes_id" IS NULL OR NEW."received_at" IS NULL)
     AND EXISTS (SELECT 1 FROM "deliberation" d WHERE d."id" = NEW."deliberation_id" AND d."archive_import_id" IS NULL) THEN
    RAISE EXCEPTION 'receipt of deliberation % has no ACTES identifier or day: only an archived act may', NEW."deliberation_id"
      USING ERRCODE = 'RG043', CONSTRAINT = 'prefecture_receipt_known_unless_archived';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "prefecture_receipt_known_unless_archived"
  BEFORE INSERT OR UPDATE ON "prefecture_receipt"
  FOR EACH ROW EXECUTE FUNCTION "prefecture_receipt_known_unless_archived"();

-- The record an act states now says, for an archived act, where it comes from.
CREATE OR REPLACE FUNCTION "deliberation_record"(deliberation_id UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', d."id", 'number', d."number", 'isDemo', d."is_demo", 'version', d."version",
    'rectificationReason', d."rectification_reason", 'orderInSitting', d."order_in_sitting",
    'subject', d."subject", 'reportSubject', d."report_subject", 'service', d."service",
    'matterCode', d."matter_code", 'policyHeading', d."policy_heading", 'report', d."report",
    'proposals', d."proposals", 'status', d."status", 'outcome', d."outcome",
    'votedAt', record_day(d."voted_at"), 'signedAt', record_day(d."signed_at"),
    'postedAt', record_day(d."posted_at"), 'transmittedAt', record_day(d."transmitted_at"),
    'publishedAt', record_instant(d."published_at"),
    'cosignatoryTitle', d."cosignatory_title", 'sittingId', d."sitting_id",
    'rapporteur', councillor_record(d."rapporteur_id"),
    'cosignatory', councillor_record(d."cosignatory_id"),
    'sitting', jsonb_build_object(
      'startsAt', record_instant(s."starts_at"), 'hourKnown', s."hour_known", 'kind', s."kind", 'isPublic', s."is_public",
      'place', s."place", 'convocationDate', record_day(s."convocation_date"),
      'convenedBy', councillor_record(s."convened_by_id"),
      'president', councillor_record(s."president_id"),
      'secretary', councillor_record(s."secretary_id")),
    'attendances', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'status', a."status", 'note', a."note",
          'councillor', councillor_record(a."councillor_id"),
          'proxyHolder', councillor_record(a."proxy_holder_id"))
        ORDER BY a."councillor_id")
      FROM "attendance" a WHERE a."deliberation_id" = d."id"), '[]'::jsonb),
    'vote', (
      SELECT jsonb_build_object(
        'secret', v."secret", 'presentAndRepresented', v."present_and_represented", 'present', v."present",
        'represented', v."represented", 'abstentions', v."abstentions", 'nonParticipation', v."non_participation",
        'expressed', v."expressed", 'votesFor', v."votes_for", 'votesAgainst', v."votes_against",
        'castingVote', v."casting_vote", 'result', v."result",
        'participants', v."participants", 'unanimous', v."unanimous",
        'choices', coalesce((
          SELECT jsonb_agg(jsonb_build_object('choice', r."choice", 'councillor', councillor_record(r."councillor_id"))
            ORDER BY r."councillor_id")
          FROM "vote_record" r WHERE r."vote_id" = v."id"), '[]'::jsonb))
      FROM "vote" v WHERE v."deliberation_id" = d."id"),
    'prefectureReceipt', (
      SELECT jsonb_build_object('actesId', p."actes_id", 'receivedAt', record_day(p."received_at"), 'signedAt', record_day(p."signed_at"),
        'authority', p."authority")
      FROM "prefecture_receipt" p WHERE p."deliberation_id" = d."id"),
    'annexes', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'id', x."id", 'title', x."title", 'fileName', x."file_name", 'mediaType', x."media_type",
          'size', x."size", 'isPublic', x."is_public")
        ORDER BY x."created_at", x."id")
      FROM "annex" x WHERE x."deliberation_id" = d."id"), '[]'::jsonb),
    'budgetYear', d."budget_year", 'budgetName', d."budget_name",
    'archive', (
      SELECT jsonb_build_object('originalIdentifier', d."original_identifier", 'format', i."format",
        'fileName', i."file_name", 'sha256', i."sha256", 'importedAt', record_instant(i."started_at"),
        'sourceUrl', d."source_url")
      FROM "archive_import" i WHERE i."id" = d."archive_import_id"))
  FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
  WHERE d."id" = deliberation_id
$$;
