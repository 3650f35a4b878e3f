-- Published means immutable: a published deliberation and everything it
-- records (attendance, vote, receipt, annexes) can no longer be changed or
-- deleted. A correction is a rectification: a new version whose
-- previous_version_id points to the published one, which stays as it is.

CREATE FUNCTION "deliberation_published_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'deliberation % is published and cannot be changed (issue a rectification)', OLD."number"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'deliberation_published_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "deliberation_published_immutable"
  BEFORE UPDATE OR DELETE ON "deliberation"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_published_immutable"();

-- The same guard for the rows that belong to a deliberation.
CREATE FUNCTION "deliberation_part_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  IF TG_TABLE_NAME = 'vote_record' THEN
    SELECT v."deliberation_id" INTO target FROM "vote" v
    WHERE v."id" = CASE WHEN TG_OP = 'INSERT' THEN NEW."vote_id" ELSE OLD."vote_id" END;
  ELSIF TG_OP = 'INSERT' THEN
    target := NEW."deliberation_id";
  ELSE
    target := OLD."deliberation_id";
  END IF;
  IF EXISTS (SELECT 1 FROM "deliberation" d WHERE d."id" = target AND d."status" = 'PUBLISHED') THEN
    RAISE EXCEPTION '% of a published deliberation cannot be changed (issue a rectification)', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'deliberation_published_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "attendance_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "attendance"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_part_immutable"();
CREATE TRIGGER "vote_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "vote"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_part_immutable"();
CREATE TRIGGER "vote_record_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "vote_record"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_part_immutable"();
CREATE TRIGGER "prefecture_receipt_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "prefecture_receipt"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_part_immutable"();
CREATE TRIGGER "annex_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "annex"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_part_immutable"();
