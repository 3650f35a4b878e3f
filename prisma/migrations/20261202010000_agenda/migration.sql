-- The sitting's agenda (L2121-10): its items in order, each a deliberation
-- draft, the approval of an earlier sitting's procès-verbal (voted and recorded
-- with that PV, not a numbered deliberation), or an item without a vote
-- (communications, the mayor's decisions by delegation L2122-23, oral
-- questions), with an optional summary note (note explicative de synthèse,
-- L2121-12, required from 3,500 inhabitants). The municipality's population
-- decides the convocation delay and the summary notes (lib/domain).

CREATE TYPE "agenda_item_kind" AS ENUM ('DELIBERATION', 'MINUTES_APPROVAL', 'COMMUNICATION', 'DELEGATED_DECISIONS', 'ORAL_QUESTION');

ALTER TABLE "municipality" ADD COLUMN "population" INTEGER,
  ADD CONSTRAINT "municipality_population_check" CHECK ("population" IS NULL OR "population" >= 0);

CREATE TABLE "agenda_item" (
  "id"                UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id"   UUID NOT NULL,
  "sitting_id"        UUID NOT NULL,
  "position"          INTEGER NOT NULL,
  "kind"              "agenda_item_kind" NOT NULL,
  "title"             TEXT NOT NULL,
  "summary_note"      TEXT,
  "deliberation_id"   UUID,
  "minutes_sitting_id" UUID,
  "created_at"        TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"        TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "agenda_item_position_check" CHECK ("position" >= 1),
  CONSTRAINT "agenda_item_title_check" CHECK (btrim("title") <> '' AND length("title") <= 500),
  -- A deliberation item names its draft; a PV approval names the sitting whose PV it is; the others neither.
  CONSTRAINT "agenda_item_kind_check" CHECK (
    CASE "kind"
      WHEN 'DELIBERATION' THEN "deliberation_id" IS NOT NULL AND "minutes_sitting_id" IS NULL
      WHEN 'MINUTES_APPROVAL' THEN "minutes_sitting_id" IS NOT NULL AND "deliberation_id" IS NULL
      ELSE "deliberation_id" IS NULL AND "minutes_sitting_id" IS NULL
    END),
  CONSTRAINT "agenda_item_not_own_minutes_check" CHECK ("minutes_sitting_id" IS NULL OR "minutes_sitting_id" <> "sitting_id")
);

CREATE INDEX "agenda_item_sitting_id_position_idx" ON "agenda_item"("sitting_id", "position");
CREATE UNIQUE INDEX "agenda_item_municipality_id_deliberation_id_key" ON "agenda_item"("municipality_id", "deliberation_id");
CREATE UNIQUE INDEX "agenda_item_municipality_id_id_key" ON "agenda_item"("municipality_id", "id");
CREATE INDEX "agenda_item_minutes_sitting_id_idx" ON "agenda_item"("minutes_sitting_id");

ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_sitting_fkey"
  FOREIGN KEY ("municipality_id", "sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_deliberation_fkey"
  FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_minutes_sitting_fkey"
  FOREIGN KEY ("municipality_id", "minutes_sitting_id") REFERENCES "sitting"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A deliberation item's draft belongs to the item's sitting.
CREATE FUNCTION "agenda_item_deliberation_in_sitting"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."deliberation_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "deliberation" d WHERE d."id" = NEW."deliberation_id" AND d."sitting_id" = NEW."sitting_id"
  ) THEN
    RAISE EXCEPTION 'agenda item % names deliberation % of another sitting', NEW."id", NEW."deliberation_id"
      USING ERRCODE = 'RG008', CONSTRAINT = 'agenda_item_deliberation_in_sitting';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "agenda_item_deliberation_in_sitting"
  BEFORE INSERT OR UPDATE ON "agenda_item"
  FOR EACH ROW EXECUTE FUNCTION "agenda_item_deliberation_in_sitting"();
