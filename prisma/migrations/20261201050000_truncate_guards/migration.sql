-- TRUNCATE fires no row trigger, so the append-only and published-immutable
-- guards let it through. These statement triggers refuse it: on the audit
-- trail and the issued extracts always, on a deliberation's tables as soon as
-- one deliberation is published. (The web process holds no TRUNCATE grant
-- either; these stop the owner's mistakes, and a TRUNCATE … CASCADE from
-- municipality that would reach these tables.)

CREATE FUNCTION "refuse_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

CREATE TRIGGER "issued_extract_no_truncate"
  BEFORE TRUNCATE ON "issued_extract"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

CREATE FUNCTION "refuse_truncate_when_published"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "deliberation" WHERE "status" = 'PUBLISHED') THEN
    RAISE EXCEPTION '% holds published deliberations: TRUNCATE refused', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'deliberation_published_immutable';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "deliberation_published_no_truncate" BEFORE TRUNCATE ON "deliberation"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
CREATE TRIGGER "attendance_published_no_truncate" BEFORE TRUNCATE ON "attendance"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
CREATE TRIGGER "vote_published_no_truncate" BEFORE TRUNCATE ON "vote"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
CREATE TRIGGER "vote_record_published_no_truncate" BEFORE TRUNCATE ON "vote_record"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
CREATE TRIGGER "prefecture_receipt_published_no_truncate" BEFORE TRUNCATE ON "prefecture_receipt"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
CREATE TRIGGER "annex_published_no_truncate" BEFORE TRUNCATE ON "annex"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate_when_published"();
