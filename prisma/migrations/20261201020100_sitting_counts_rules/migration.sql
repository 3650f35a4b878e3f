-- Rules that lived only in TypeScript, now kept by the database as well.
-- Each refusal has a SQLSTATE of our own (class RG) and a constraint name;
-- lib/to-app-error.ts turns the SQLSTATE into the French message:
--   RG001 attendance_proxy_limit              a holder carries more proxies than the day allows
--   RG002 vote_counts_match_roll_call         a vote's present / represented differ from its roll call
--   RG003 vote_counts_within_members          a vote counts more voters than the sitting's members in office
--   RG004 sitting_members_in_office_frozen    the figure of a sitting with a published act changes
--   RG005 derogation_window_in_use            a window change would break a recorded roll call or a published act
-- The checks on counts run at commit (deferred constraint triggers), on the final
-- rows, so a roll call or a vote can be replaced inside one transaction.

-- 1. The members in office are the sitting's figure, dated, not today's single setting.
ALTER TABLE "sitting" ADD COLUMN "members_in_office" INTEGER;
UPDATE "sitting" s SET "members_in_office" = m."members_in_office" FROM "municipality" m WHERE m."id" = s."municipality_id";
ALTER TABLE "sitting" ALTER COLUMN "members_in_office" SET NOT NULL;
ALTER TABLE "sitting" ADD CONSTRAINT "sitting_members_in_office_check" CHECK ("members_in_office" > 0);

-- Defaulted from the municipality's setting when the sitting is created without it.
CREATE FUNCTION "sitting_members_in_office_default"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."members_in_office" IS NULL THEN
    SELECT m."members_in_office" INTO NEW."members_in_office" FROM "municipality" m WHERE m."id" = NEW."municipality_id";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_members_in_office_default"
  BEFORE INSERT ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_members_in_office_default"();

-- What a published act states does not move under it.
CREATE FUNCTION "sitting_members_in_office_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."members_in_office" <> OLD."members_in_office"
    AND EXISTS (SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = OLD."id" AND d."status" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'sitting % has a published deliberation: its members in office cannot change', OLD."id"
      USING ERRCODE = 'RG004', CONSTRAINT = 'sitting_members_in_office_frozen';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_members_in_office_frozen"
  BEFORE UPDATE OF "members_in_office" ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_members_in_office_frozen"();

-- 2. The day's proxy limit: the municipality's derogation window, else one (L2121-20).
CREATE FUNCTION "proxy_limit_on"("municipality" UUID, "day" DATE) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT w."max_proxies_per_holder" FROM "derogation_window" w
      WHERE w."municipality_id" = "municipality" AND "day" BETWEEN w."starts_on" AND w."ends_on"),
    1)
$$;

CREATE FUNCTION "sitting_day"("starts_at" TIMESTAMPTZ) RETURNS DATE
LANGUAGE sql IMMUTABLE AS $$ SELECT ("starts_at" AT TIME ZONE 'Europe/Paris')::date $$;

-- Every rule on one deliberation's counts, checked on its final rows.
CREATE FUNCTION "check_deliberation_counts"("deliberation" UUID) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  sitting_row RECORD;
  vote_row RECORD;
  listed INTEGER;
  present_rows INTEGER;
  represented_rows INTEGER;
  holder UUID;
BEGIN
  SELECT s."municipality_id", s."members_in_office", "sitting_day"(s."starts_at") AS "day"
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

CREATE FUNCTION "deliberation_counts_hold"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "check_deliberation_counts"(OLD."deliberation_id"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "check_deliberation_counts"(NEW."deliberation_id"); END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "attendance_counts_hold"
  AFTER INSERT OR UPDATE OR DELETE ON "attendance"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "deliberation_counts_hold"();

CREATE CONSTRAINT TRIGGER "vote_counts_hold"
  AFTER INSERT OR UPDATE ON "vote"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "deliberation_counts_hold"();

-- A sitting's figure or day changes: every deliberation of it is checked again.
CREATE FUNCTION "sitting_counts_hold"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "check_deliberation_counts"(d."id") FROM "deliberation" d WHERE d."sitting_id" = NEW."id";
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "sitting_counts_hold"
  AFTER UPDATE OF "members_in_office", "starts_at" ON "sitting"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "sitting_counts_hold"();

-- 3. A window changes: the roll calls it covered (before or after) still hold,
-- and the rule under which a published act was voted does not change.
CREATE FUNCTION "check_derogation_days"("municipality" UUID, "first_day" DATE, "last_day" DATE) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE d."municipality_id" = "municipality" AND d."status" = 'PUBLISHED'
      AND "sitting_day"(s."starts_at") BETWEEN "first_day" AND "last_day"
  ) OR EXISTS (
    SELECT 1 FROM "attendance" a
    JOIN "deliberation" d ON d."id" = a."deliberation_id" JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE a."municipality_id" = "municipality" AND a."status" = 'REPRESENTED'
      AND "sitting_day"(s."starts_at") BETWEEN "first_day" AND "last_day"
    GROUP BY a."deliberation_id", a."proxy_holder_id", s."starts_at"
    HAVING count(*) > "proxy_limit_on"("municipality", "sitting_day"(s."starts_at"))
  ) THEN
    RAISE EXCEPTION 'derogation window % to % of municipality % covers a published act or a roll call it would break',
      "first_day", "last_day", "municipality"
      USING ERRCODE = 'RG005', CONSTRAINT = 'derogation_window_in_use';
  END IF;
END $$;

CREATE FUNCTION "derogation_window_in_use"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "check_derogation_days"(OLD."municipality_id", OLD."starts_on", OLD."ends_on"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "check_derogation_days"(NEW."municipality_id", NEW."starts_on", NEW."ends_on"); END IF;
  RETURN NULL;
END $$;

-- Checked at once, not at commit: the national windows a new municipality gets
-- come before its acts, even when one transaction writes both (the seed).
CREATE TRIGGER "derogation_window_in_use"
  AFTER INSERT OR UPDATE OR DELETE ON "derogation_window"
  FOR EACH ROW EXECUTE FUNCTION "derogation_window_in_use"();
