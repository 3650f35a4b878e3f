-- The municipality's clock in the database's rules, and a clock that does not
-- drift under published acts.
--
-- 1. A sitting's day was read in Europe/Paris by the proxy-limit and
--    derogation-window rules (function sitting_day of the migration
--    20261201020100_sitting_counts_rules): for a municipality of another zone
--    (America/Martinique, Indian/Reunion…) an evening sitting fell on the next
--    day. sitting_day now reads the municipality's own zone; the two rules
--    that call it are the same but for that call.
-- 2. A published act states its hours and days on its municipality's clock
--    (pages, extracts, API): changing the zone afterwards would move them. The
--    zone cannot change once one of the municipality's acts is published
--    (RG009), as members in office cannot once its sitting has one (RG004).

CREATE FUNCTION "sitting_day"("municipality" UUID, "starts_at" TIMESTAMPTZ) RETURNS DATE
LANGUAGE sql STABLE AS $$
  SELECT ("starts_at" AT TIME ZONE m."time_zone")::date FROM "municipality" m WHERE m."id" = "municipality"
$$;

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

  SELECT v."present", v."represented" INTO vote_row FROM "vote" v WHERE v."deliberation_id" = "deliberation";
  IF NOT FOUND THEN RETURN; END IF;
  -- Also an archived act known by its counts only: bound by the members in office (and the tally's checks).
  IF vote_row."present" + vote_row."represented" > sitting_row."members_in_office" THEN
    RAISE EXCEPTION 'vote of deliberation % counts % present and represented for % members in office',
      "deliberation", vote_row."present" + vote_row."represented", sitting_row."members_in_office"
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
END $$;

CREATE OR REPLACE FUNCTION "check_derogation_days"("municipality" UUID, "first_day" DATE, "last_day" DATE) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE d."municipality_id" = "municipality" AND d."status" = 'PUBLISHED'
      AND "sitting_day"(s."municipality_id", s."starts_at") BETWEEN "first_day" AND "last_day"
  ) OR EXISTS (
    SELECT 1 FROM "attendance" a
    JOIN "deliberation" d ON d."id" = a."deliberation_id" JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE a."municipality_id" = "municipality" AND a."status" = 'REPRESENTED'
      AND "sitting_day"(s."municipality_id", s."starts_at") BETWEEN "first_day" AND "last_day"
    GROUP BY a."deliberation_id", a."proxy_holder_id", s."starts_at"
    HAVING count(*) > "proxy_limit_on"("municipality", "sitting_day"("municipality", s."starts_at"))
  ) THEN
    RAISE EXCEPTION 'derogation window % to % of municipality % covers a published act or a roll call it would break',
      "first_day", "last_day", "municipality"
      USING ERRCODE = 'RG005', CONSTRAINT = 'derogation_window_in_use';
  END IF;
END $$;

DROP FUNCTION "sitting_day"(TIMESTAMPTZ);

CREATE FUNCTION "municipality_time_zone_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."time_zone" IS DISTINCT FROM OLD."time_zone" AND EXISTS (
    SELECT 1 FROM "deliberation" d WHERE d."municipality_id" = NEW."id" AND d."status" = 'PUBLISHED'
  ) THEN
    RAISE EXCEPTION 'the time zone of municipality % cannot change: it has published acts', NEW."id"
      USING ERRCODE = 'RG009', CONSTRAINT = 'municipality_time_zone_frozen';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "municipality_time_zone_frozen"
  BEFORE UPDATE OF "time_zone" ON "municipality"
  FOR EACH ROW EXECUTE FUNCTION "municipality_time_zone_frozen"();
