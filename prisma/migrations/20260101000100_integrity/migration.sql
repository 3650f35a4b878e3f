-- What must never be false, enforced by the database itself
-- (the domain library in lib/domain checks the same rules earlier, in French).

-- Municipality identifiers.
ALTER TABLE "municipality"
  ADD CONSTRAINT "municipality_siren_check" CHECK ("siren" ~ '^[0-9]{9}$'),
  ADD CONSTRAINT "municipality_siret_check" CHECK ("siret" ~ '^[0-9]{14}$' AND left("siret", 9) = "siren"),
  ADD CONSTRAINT "municipality_department_code_check" CHECK ("department_code" ~ '^([0-9]{3}|02A|02B)$'),
  ADD CONSTRAINT "municipality_members_in_office_check" CHECK ("members_in_office" > 0);

ALTER TABLE "councillor"
  ADD CONSTRAINT "councillor_mandate_check" CHECK ("mandate_end" IS NULL OR "mandate_end" >= "mandate_start");

-- A deliberation's number is "DL.<year>-<sequence>" and agrees with its parts.
ALTER TABLE "deliberation"
  ADD CONSTRAINT "deliberation_number_check" CHECK ("number" = 'DL.' || "year" || '-' || "sequence"),
  ADD CONSTRAINT "deliberation_sequence_check" CHECK ("sequence" > 0 AND "year" BETWEEN 1790 AND 9999),
  ADD CONSTRAINT "deliberation_order_check" CHECK ("order_in_sitting" > 0),
  ADD CONSTRAINT "deliberation_version_check" CHECK (("version" = 1) = ("previous_version_id" IS NULL)),
  ADD CONSTRAINT "deliberation_rectification_check" CHECK ("version" = 1 OR "rectification_reason" IS NOT NULL),
  ADD CONSTRAINT "deliberation_matter_code_check" CHECK ("matter_code" ~ '^[1-9](\.[0-9]{1,2}){1,4}$'),
  ADD CONSTRAINT "deliberation_outcome_check" CHECK (
    ("status" = 'DRAFT' AND "outcome" IS NULL)
    OR ("status" = 'VOTED' AND "outcome" IN ('ADOPTED', 'REJECTED'))
    OR ("status" = 'WITHDRAWN' AND "outcome" = 'WITHDRAWN')
    OR ("status" IN ('TRANSMITTED', 'PUBLISHED') AND "outcome" IS NOT NULL)
  ),
  ADD CONSTRAINT "deliberation_published_check" CHECK (("status" = 'PUBLISHED') = ("published_at" IS NOT NULL));

-- A number is used once per municipality, whatever the version chain:
-- all versions of one number share it, distinct deliberations never do.
CREATE UNIQUE INDEX "deliberation_current_number_key"
  ON "deliberation"("municipality_id", "number") WHERE "version" = 1;

-- Attendance: a proxy names a holder who is not the giver.
ALTER TABLE "attendance"
  ADD CONSTRAINT "attendance_proxy_check" CHECK (("status" = 'REPRESENTED') = ("proxy_holder_id" IS NOT NULL)),
  ADD CONSTRAINT "attendance_proxy_self_check" CHECK ("proxy_holder_id" IS NULL OR "proxy_holder_id" <> "councillor_id");

-- The proxy holder is present at the same deliberation. Deferred to the end
-- of the transaction so that a roll call can be written in any order.
CREATE FUNCTION "attendance_proxy_holder_present"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."proxy_holder_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "attendance" a
    WHERE a."deliberation_id" = NEW."deliberation_id"
      AND a."councillor_id" = NEW."proxy_holder_id"
      AND a."status" = 'PRESENT'
  ) THEN
    RAISE EXCEPTION 'proxy holder % is not present at deliberation %', NEW."proxy_holder_id", NEW."deliberation_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_proxy_holder_present';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "attendance_proxy_holder_present"
  AFTER INSERT OR UPDATE ON "attendance"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "attendance_proxy_holder_present"();

-- A holder who stops being present cannot keep the proxies given to them.
CREATE FUNCTION "attendance_holder_still_present"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW."status" <> 'PRESENT') AND EXISTS (
    SELECT 1 FROM "attendance" a
    WHERE a."deliberation_id" = OLD."deliberation_id"
      AND a."proxy_holder_id" = OLD."councillor_id"
  ) THEN
    RAISE EXCEPTION 'councillor % holds a proxy at deliberation % and must stay present', OLD."councillor_id", OLD."deliberation_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_proxy_holder_present';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "attendance_holder_still_present"
  AFTER UPDATE OR DELETE ON "attendance"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "attendance_holder_still_present"();

-- Tally arithmetic (CGCT L2121-20) and the outcome it implies.
ALTER TABLE "vote"
  ADD CONSTRAINT "vote_counts_check" CHECK (
    "present" >= 0 AND "represented" >= 0 AND "abstentions" >= 0 AND "non_participation" >= 0
    AND "votes_for" >= 0 AND "votes_against" >= 0
  ),
  ADD CONSTRAINT "vote_present_and_represented_check" CHECK ("present" + "represented" = "present_and_represented"),
  ADD CONSTRAINT "vote_expressed_check" CHECK ("expressed" = "present_and_represented" - "abstentions" - "non_participation"),
  ADD CONSTRAINT "vote_for_against_check" CHECK ("votes_for" + "votes_against" = "expressed"),
  ADD CONSTRAINT "vote_casting_vote_check" CHECK (
    "casting_vote" IS NULL
    OR ("casting_vote" IN ('FOR', 'AGAINST') AND NOT "secret" AND "votes_for" = "votes_against" AND "votes_for" > 0)
  ),
  ADD CONSTRAINT "vote_result_check" CHECK (
    "result" <> 'WITHDRAWN' AND
    ("result" = 'ADOPTED') = (
      "votes_for" > "votes_against"
      OR ("votes_for" = "votes_against" AND "casting_vote" = 'FOR')
    )
  );

-- The ACTES identifier's shape: department-SIREN-date-number-nature[-n-n].
ALTER TABLE "prefecture_receipt"
  ADD CONSTRAINT "prefecture_receipt_actes_id_check" CHECK (
    "actes_id" ~ '^([0-9]{3}|02A|02B)-[0-9]{9}-[0-9]{8}-[A-Za-z0-9_]{1,15}-(DE|AR|AI|CC|BF|AU)(-[0-9]+-[0-9]+)?$'
  );

ALTER TABLE "annex"
  ADD CONSTRAINT "annex_size_check" CHECK ("size" = octet_length("content")),
  ADD CONSTRAINT "annex_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_email_check" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%');

-- The audit trail is append-only.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "audit_event_append_only"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
