-- Back-office sessions recorded on the server: the signed cookie carries the
-- session's id, and every back-office request checks that the session is
-- still open. Signing out closes this one session, not the account's others.
CREATE TABLE "auth_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "auth_session_user_id_idx" ON "auth_session"("user_id");

ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A closed session stays closed.
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_revoked_after_created" CHECK ("revoked_at" IS NULL OR "revoked_at" >= "created_at");

CREATE FUNCTION auth_session_stays_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
    RAISE EXCEPTION 'a revoked session cannot be reopened' USING ERRCODE = 'check_violation', CONSTRAINT = 'auth_session_stays_revoked';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER auth_session_stays_revoked BEFORE UPDATE ON "auth_session"
  FOR EACH ROW EXECUTE FUNCTION auth_session_stays_revoked();
