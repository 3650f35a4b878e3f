-- CreateEnum
CREATE TYPE "civility" AS ENUM ('MONSIEUR', 'MADAME');
CREATE TYPE "councillor_role" AS ENUM ('MAYOR', 'DEPUTY_MAYOR', 'DELEGATED_COUNCILLOR', 'COUNCILLOR');
CREATE TYPE "sitting_kind" AS ENUM ('ORDINARY', 'EXTRAORDINARY');
CREATE TYPE "deliberation_status" AS ENUM ('DRAFT', 'VOTED', 'WITHDRAWN', 'TRANSMITTED', 'PUBLISHED');
CREATE TYPE "outcome" AS ENUM ('ADOPTED', 'REJECTED', 'WITHDRAWN');
CREATE TYPE "attendance_status" AS ENUM ('PRESENT', 'REPRESENTED', 'EXCUSED', 'ABSENT');
CREATE TYPE "vote_choice" AS ENUM ('FOR', 'AGAINST', 'ABSTENTION', 'NOT_VOTING');
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'CLERK', 'STAFF');

-- CreateTable
CREATE TABLE "municipality" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "commune_name" TEXT NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "department_code" VARCHAR(3) NOT NULL,
    "address" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "website" TEXT,
    "administrative_court" TEXT NOT NULL,
    "members_in_office" INTEGER NOT NULL,
    "appeal_notice" TEXT NOT NULL,
    "annex_notice" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "councillor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "civility" "civility" NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "role" "councillor_role" NOT NULL,
    "role_label" TEXT,
    "mandate_start" DATE NOT NULL,
    "mandate_end" DATE,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "councillor_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sitting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "sitting_kind" NOT NULL DEFAULT 'ORDINARY',
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "place" TEXT NOT NULL,
    "convocation_date" DATE NOT NULL,
    "convened_by_id" UUID NOT NULL,
    "president_id" UUID NOT NULL,
    "secretary_id" UUID NOT NULL,
    "reconvened" BOOLEAN NOT NULL DEFAULT false,
    "list_posted_at" DATE,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sitting_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "deliberation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "sitting_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previous_version_id" UUID,
    "rectification_reason" TEXT,
    "order_in_sitting" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "report_subject" TEXT,
    "rapporteur_id" UUID,
    "service" TEXT,
    "matter_code" TEXT NOT NULL,
    "policy_heading" TEXT,
    "report" TEXT NOT NULL,
    "proposals" TEXT NOT NULL,
    "status" "deliberation_status" NOT NULL DEFAULT 'DRAFT',
    "outcome" "outcome",
    "voted_at" DATE,
    "signed_at" DATE,
    "posted_at" DATE,
    "transmitted_at" DATE,
    "published_at" TIMESTAMPTZ(3),
    "cosignatory_id" UUID,
    "cosignatory_title" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliberation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "councillor_id" UUID NOT NULL,
    "status" "attendance_status" NOT NULL,
    "proxy_holder_id" UUID,
    "note" TEXT,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "vote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "present_and_represented" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "represented" INTEGER NOT NULL,
    "abstentions" INTEGER NOT NULL,
    "non_participation" INTEGER NOT NULL,
    "expressed" INTEGER NOT NULL,
    "votes_for" INTEGER NOT NULL,
    "votes_against" INTEGER NOT NULL,
    "casting_vote" "vote_choice",
    "result" "outcome" NOT NULL,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "vote_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "councillor_id" UUID NOT NULL,
    "choice" "vote_choice" NOT NULL,

    CONSTRAINT "vote_record_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "prefecture_receipt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "actes_id" TEXT NOT NULL,
    "received_at" DATE NOT NULL,
    "signed_at" DATE,

    CONSTRAINT "prefecture_receipt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "annex" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "deliberation_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annex_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "municipality_id" UUID NOT NULL,
    "user_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "previous_hash" CHAR(64),
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "municipality_slug_key" ON "municipality"("slug");
CREATE INDEX "councillor_municipality_id_last_name_first_name_idx" ON "councillor"("municipality_id", "last_name", "first_name");
CREATE UNIQUE INDEX "councillor_municipality_id_id_key" ON "councillor"("municipality_id", "id");
CREATE INDEX "sitting_municipality_id_starts_at_idx" ON "sitting"("municipality_id", "starts_at");
CREATE UNIQUE INDEX "sitting_municipality_id_id_key" ON "sitting"("municipality_id", "id");
CREATE UNIQUE INDEX "deliberation_previous_version_id_key" ON "deliberation"("previous_version_id");
CREATE INDEX "deliberation_municipality_id_status_published_at_idx" ON "deliberation"("municipality_id", "status", "published_at");
CREATE INDEX "deliberation_sitting_id_order_in_sitting_idx" ON "deliberation"("sitting_id", "order_in_sitting");
CREATE UNIQUE INDEX "deliberation_municipality_id_number_version_key" ON "deliberation"("municipality_id", "number", "version");
CREATE UNIQUE INDEX "deliberation_municipality_id_id_key" ON "deliberation"("municipality_id", "id");
CREATE INDEX "attendance_councillor_id_idx" ON "attendance"("councillor_id");
CREATE INDEX "attendance_proxy_holder_id_idx" ON "attendance"("proxy_holder_id");
CREATE UNIQUE INDEX "attendance_deliberation_id_councillor_id_key" ON "attendance"("deliberation_id", "councillor_id");
CREATE UNIQUE INDEX "vote_municipality_id_deliberation_id_key" ON "vote"("municipality_id", "deliberation_id");
CREATE UNIQUE INDEX "vote_municipality_id_id_key" ON "vote"("municipality_id", "id");
CREATE INDEX "vote_record_councillor_id_choice_idx" ON "vote_record"("councillor_id", "choice");
CREATE UNIQUE INDEX "vote_record_vote_id_councillor_id_key" ON "vote_record"("vote_id", "councillor_id");
CREATE UNIQUE INDEX "prefecture_receipt_municipality_id_deliberation_id_key" ON "prefecture_receipt"("municipality_id", "deliberation_id");
CREATE UNIQUE INDEX "prefecture_receipt_municipality_id_actes_id_key" ON "prefecture_receipt"("municipality_id", "actes_id");
CREATE INDEX "annex_deliberation_id_idx" ON "annex"("deliberation_id");
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");
CREATE INDEX "audit_event_municipality_id_occurred_at_idx" ON "audit_event"("municipality_id", "occurred_at");
CREATE INDEX "audit_event_entity_entity_id_idx" ON "audit_event"("entity", "entity_id");

-- AddForeignKey
ALTER TABLE "councillor" ADD CONSTRAINT "councillor_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sitting" ADD CONSTRAINT "sitting_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sitting" ADD CONSTRAINT "sitting_convened_by_fkey" FOREIGN KEY ("municipality_id", "convened_by_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sitting" ADD CONSTRAINT "sitting_president_fkey" FOREIGN KEY ("municipality_id", "president_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sitting" ADD CONSTRAINT "sitting_secretary_fkey" FOREIGN KEY ("municipality_id", "secretary_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation" ADD CONSTRAINT "deliberation_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation" ADD CONSTRAINT "deliberation_sitting_fkey" FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation" ADD CONSTRAINT "deliberation_rapporteur_fkey" FOREIGN KEY ("municipality_id", "rapporteur_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation" ADD CONSTRAINT "deliberation_cosignatory_fkey" FOREIGN KEY ("municipality_id", "cosignatory_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation" ADD CONSTRAINT "deliberation_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "deliberation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_councillor_fkey" FOREIGN KEY ("municipality_id", "councillor_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_proxy_holder_fkey" FOREIGN KEY ("municipality_id", "proxy_holder_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "vote_record" ADD CONSTRAINT "vote_record_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "vote_record" ADD CONSTRAINT "vote_record_vote_fkey" FOREIGN KEY ("municipality_id", "vote_id") REFERENCES "vote"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "vote_record" ADD CONSTRAINT "vote_record_councillor_fkey" FOREIGN KEY ("municipality_id", "councillor_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "prefecture_receipt" ADD CONSTRAINT "prefecture_receipt_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "prefecture_receipt" ADD CONSTRAINT "prefecture_receipt_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annex" ADD CONSTRAINT "annex_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "annex" ADD CONSTRAINT "annex_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
