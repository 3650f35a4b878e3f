-- An ACTES identifier names one act. The versions of one deliberation (a
-- rectification and the act it replaces, same number) may carry the same
-- receipt; two different deliberations may not. A unique key on the
-- identifier alone refused the rectification its own receipt, so the rule is
-- a deferred constraint trigger, checked on the transaction's final rows:
--   RG006 prefecture_receipt_actes_id_one_act   an identifier already received for another deliberation

DROP INDEX "prefecture_receipt_municipality_id_actes_id_key";
CREATE INDEX "prefecture_receipt_municipality_id_actes_id_idx" ON "prefecture_receipt"("municipality_id", "actes_id");

CREATE FUNCTION "prefecture_receipt_actes_id_one_act"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  own_number TEXT;
BEGIN
  -- Two transactions recording the same identifier are checked in turn (each sees the other's committed row).
  PERFORM pg_advisory_xact_lock(hashtextextended('prefecture_receipt:' || NEW."municipality_id"::text || ':' || NEW."actes_id", 0));
  SELECT d."number" INTO own_number FROM "deliberation" d WHERE d."id" = NEW."deliberation_id";
  IF NOT FOUND THEN RETURN NULL; END IF; -- deleted in this transaction
  IF EXISTS (
    SELECT 1 FROM "prefecture_receipt" p JOIN "deliberation" d ON d."id" = p."deliberation_id"
    WHERE p."municipality_id" = NEW."municipality_id" AND p."actes_id" = NEW."actes_id" AND p."id" <> NEW."id" AND d."number" <> own_number
  ) THEN
    RAISE EXCEPTION 'ACTES identifier % is already the receipt of another deliberation than %', NEW."actes_id", own_number
      USING ERRCODE = 'RG006', CONSTRAINT = 'prefecture_receipt_actes_id_one_act';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "prefecture_receipt_actes_id_one_act"
  AFTER INSERT OR UPDATE OF "actes_id", "deliberation_id" ON "prefecture_receipt"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "prefecture_receipt_actes_id_one_act"();
