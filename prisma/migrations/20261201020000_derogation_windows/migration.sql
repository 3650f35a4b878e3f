-- The derogations to the quorum (CGCT L2121-17) and to the one proxy per holder
-- (L2121-20) are data, per municipality: a municipality can correct or extend
-- them (Guyane and Mayotte, where the 2020 state of health emergency lasted
-- longer). Days are the municipality's calendar days (Europe/Paris), both ends
-- included. Every municipality starts with the national COVID-19 windows of
-- 2020–2022; administrators edit them on /admin/collectivite.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE "derogation_window" (
  "id"                     UUID NOT NULL DEFAULT gen_random_uuid(),
  "municipality_id"        UUID NOT NULL,
  "starts_on"              DATE NOT NULL,
  "ends_on"                DATE NOT NULL,
  "quorum_numerator"       INTEGER NOT NULL,
  "quorum_denominator"     INTEGER NOT NULL,
  "max_proxies_per_holder" INTEGER NOT NULL,
  "legal_basis"            TEXT NOT NULL,
  "created_at"             TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"             TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

  CONSTRAINT "derogation_window_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "derogation_window_days_check" CHECK ("ends_on" >= "starts_on"),
  -- A share of the members in office, strictly between none and all.
  CONSTRAINT "derogation_window_quorum_check"
    CHECK ("quorum_numerator" >= 1 AND "quorum_denominator" >= 1 AND "quorum_numerator" < "quorum_denominator"),
  CONSTRAINT "derogation_window_proxies_check" CHECK ("max_proxies_per_holder" BETWEEN 1 AND 9),
  CONSTRAINT "derogation_window_legal_basis_check" CHECK (btrim("legal_basis") <> ''),
  -- One rule per day: a municipality's windows never overlap.
  CONSTRAINT "derogation_window_no_overlap"
    EXCLUDE USING gist ("municipality_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&)
);

ALTER TABLE "derogation_window" ADD CONSTRAINT "derogation_window_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The national windows (metropolitan dates). Between 30 August and 15 November
-- 2020, and between 30 September and 11 November 2021, the ordinary rules applied.
CREATE FUNCTION "insert_national_derogation_windows"("municipality" UUID) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "derogation_window"
    ("municipality_id", "starts_on", "ends_on", "quorum_numerator", "quorum_denominator", "max_proxies_per_holder", "legal_basis")
  VALUES
    ("municipality", DATE '2020-03-24', DATE '2020-07-10', 1, 3, 2,
     'Loi n° 2020-290 du 23 mars 2020, art. 10, et ordonnance n° 2020-391 du 1er avril 2020 (état d''urgence sanitaire)'),
    ("municipality", DATE '2020-07-11', DATE '2020-08-30', 1, 3, 2,
     'Loi n° 2020-290 du 23 mars 2020, art. 10, dans sa rédaction issue de la loi n° 2020-760 du 22 juin 2020'),
    ("municipality", DATE '2020-11-15', DATE '2021-09-30', 1, 3, 2,
     'Loi n° 2020-1379 du 14 novembre 2020, art. 6, prolongée par les lois n° 2021-160 du 15 février 2021 et n° 2021-689 du 31 mai 2021'),
    ("municipality", DATE '2021-11-11', DATE '2022-07-31', 1, 3, 2,
     'Loi n° 2021-1465 du 10 novembre 2021, art. 10');
$$;

CREATE FUNCTION "municipality_national_derogation_windows"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "insert_national_derogation_windows"(NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "municipality_national_derogation_windows"
  AFTER INSERT ON "municipality"
  FOR EACH ROW EXECUTE FUNCTION "municipality_national_derogation_windows"();

SELECT "insert_national_derogation_windows"("id") FROM "municipality";
