-- Signed checkpoints of the audit trail: the head of the chain (its newest
-- event's id and hash) signed with the portal's certificate and published,
-- so that rows removed from the end of the chain no longer go unseen. The
-- chain is the portal's (one across municipalities), so is a checkpoint.
-- `payload` is the exact text that `signature` (a detached CMS, DER) signs.

CREATE TABLE "audit_checkpoint" (
    "id" BIGSERIAL NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_hash" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" BYTEA NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_checkpoint_event_hash" CHECK ("event_hash" ~ '^[0-9a-f]{64}$')
);

CREATE INDEX "audit_checkpoint_signed_at_idx" ON "audit_checkpoint"("signed_at");

CREATE FUNCTION "audit_checkpoint_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoint is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "audit_checkpoint_append_only"
  BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_checkpoint_append_only"();

-- refuse_truncate() comes from 20261201050000_truncate_guards.
CREATE TRIGGER "audit_checkpoint_no_truncate"
  BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
