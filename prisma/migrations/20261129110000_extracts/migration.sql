-- Certified extracts: the PDF issued for a deliberation, or for the list of
-- deliberations of a sitting, built once, signed, and stored byte for byte
-- so that a download serves exactly what was signed and a copy can be
-- checked against it. An issued extract is never changed nor deleted: a
-- rectification (a new deliberation version) or a changed list gets a new one.

CREATE TYPE "extract_kind" AS ENUM ('DELIBERATION', 'SITTING_LIST');

CREATE TABLE "issued_extract" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "kind" "extract_kind" NOT NULL,
    "deliberation_id" UUID,
    "sitting_id" UUID,
    "source_digest" CHAR(64) NOT NULL,
    "file_name" TEXT NOT NULL,
    "verification_code" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "signer_name" TEXT NOT NULL,
    "certificate_fingerprint" CHAR(64) NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issued_extract_pkey" PRIMARY KEY ("id"),
    -- One subject per kind: a deliberation, or a sitting.
    CONSTRAINT "issued_extract_subject" CHECK (
      ("kind" = 'DELIBERATION' AND "deliberation_id" IS NOT NULL AND "sitting_id" IS NULL)
      OR ("kind" = 'SITTING_LIST' AND "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL)
    ),
    CONSTRAINT "issued_extract_size" CHECK ("size" = octet_length("content")),
    CONSTRAINT "issued_extract_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "issued_extract_code" CHECK ("verification_code" ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$')
);

CREATE UNIQUE INDEX "issued_extract_verification_code_key" ON "issued_extract"("verification_code");
CREATE UNIQUE INDEX "issued_extract_sha256_key" ON "issued_extract"("sha256");
CREATE UNIQUE INDEX "issued_extract_deliberation_id_source_digest_key" ON "issued_extract"("deliberation_id", "source_digest");
CREATE UNIQUE INDEX "issued_extract_sitting_id_source_digest_key" ON "issued_extract"("sitting_id", "source_digest");
CREATE INDEX "issued_extract_municipality_id_kind_issued_at_idx" ON "issued_extract"("municipality_id", "kind", "issued_at");

ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_sitting_fkey" FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "issued_extract_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued extract % cannot be changed or deleted (issue a new one)', OLD."verification_code"
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'issued_extract_immutable';
END $$;

CREATE TRIGGER "issued_extract_immutable"
  BEFORE UPDATE OR DELETE ON "issued_extract"
  FOR EACH ROW EXECUTE FUNCTION "issued_extract_immutable"();
