-- A holder who stops being present cannot keep the proxies given to them: checked
-- at commit against the final rows. The first version looked only at the row
-- deleted or updated, so replacing a roll call (delete the rows, insert them
-- again) was refused whenever it carried a proxy, though the holder was present
-- again in the new rows.
CREATE OR REPLACE FUNCTION "attendance_holder_still_present"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW."status" <> 'PRESENT')
    AND EXISTS (
      SELECT 1 FROM "attendance" a
      WHERE a."deliberation_id" = OLD."deliberation_id"
        AND a."proxy_holder_id" = OLD."councillor_id"
    )
    AND NOT EXISTS (
      SELECT 1 FROM "attendance" h
      WHERE h."deliberation_id" = OLD."deliberation_id"
        AND h."councillor_id" = OLD."councillor_id"
        AND h."status" = 'PRESENT'
    ) THEN
    RAISE EXCEPTION 'councillor % holds a proxy at deliberation % and must stay present', OLD."councillor_id", OLD."deliberation_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_proxy_holder_present';
  END IF;
  RETURN NULL;
END $$;
