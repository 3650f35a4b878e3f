-- Political groups of the council and who belongs to them, with dates: the vote
-- form lets a whole group vote at once, the public pages show each councillor's
-- group. A membership lies inside the councillor's mandate (RG007) and a
-- councillor belongs to one group at a time (no overlapping memberships);
-- ends_on NULL: until further notice (at the latest the end of the mandate).

CREATE TABLE "political_group" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id" UUID NOT NULL,
  "name"            TEXT NOT NULL,
  "is_demo"         BOOLEAN NOT NULL DEFAULT false,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "political_group_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "political_group_name_check" CHECK (btrim("name") <> '' AND length("name") <= 120)
);

CREATE UNIQUE INDEX "political_group_municipality_id_name_key" ON "political_group"("municipality_id", "name");
CREATE UNIQUE INDEX "political_group_municipality_id_id_key" ON "political_group"("municipality_id", "id");

ALTER TABLE "political_group" ADD CONSTRAINT "political_group_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "group_membership" (
  "id"              UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id" UUID NOT NULL,
  "group_id"        UUID NOT NULL,
  "councillor_id"   UUID NOT NULL,
  "starts_on"       DATE NOT NULL,
  "ends_on"         DATE,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "group_membership_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "group_membership_days_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
  -- One group at a time.
  CONSTRAINT "group_membership_no_overlap"
    EXCLUDE USING gist ("councillor_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&)
);

CREATE INDEX "group_membership_group_id_idx" ON "group_membership"("group_id");

-- The group and the councillor are of the membership's municipality.
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_fkey"
  FOREIGN KEY ("municipality_id", "group_id") REFERENCES "political_group"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_councillor_fkey"
  FOREIGN KEY ("municipality_id", "councillor_id") REFERENCES "councillor"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A membership inside the mandate, checked when either side changes.
CREATE FUNCTION "membership_inside_mandate"("starts_on" DATE, "ends_on" DATE, "mandate_start" DATE, "mandate_end" DATE) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE AS $$
  SELECT "starts_on" >= "mandate_start"
    AND ("mandate_end" IS NULL OR ("starts_on" <= "mandate_end" AND ("ends_on" IS NULL OR "ends_on" <= "mandate_end")))
$$;

CREATE FUNCTION "group_membership_within_mandate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "councillor" c
    WHERE c."id" = NEW."councillor_id" AND "membership_inside_mandate"(NEW."starts_on", NEW."ends_on", c."mandate_start", c."mandate_end")
  ) THEN
    RAISE EXCEPTION 'membership % lies outside the mandate of councillor %', NEW."id", NEW."councillor_id"
      USING ERRCODE = 'RG007', CONSTRAINT = 'group_membership_within_mandate';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "group_membership_within_mandate"
  BEFORE INSERT OR UPDATE ON "group_membership"
  FOR EACH ROW EXECUTE FUNCTION "group_membership_within_mandate"();

CREATE FUNCTION "councillor_mandate_covers_memberships"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "group_membership" g
    WHERE g."councillor_id" = NEW."id" AND NOT "membership_inside_mandate"(g."starts_on", g."ends_on", NEW."mandate_start", NEW."mandate_end")
  ) THEN
    RAISE EXCEPTION 'councillor % has a group membership outside the new mandate', NEW."id"
      USING ERRCODE = 'RG007', CONSTRAINT = 'group_membership_within_mandate';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "councillor_mandate_covers_memberships"
  BEFORE UPDATE OF "mandate_start", "mandate_end" ON "councillor"
  FOR EACH ROW EXECUTE FUNCTION "councillor_mandate_covers_memberships"();
