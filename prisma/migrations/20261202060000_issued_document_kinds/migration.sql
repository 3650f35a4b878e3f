-- What each kind of issued document is about, for every kind the sitting's
-- cycle added (the convocation 20261202020000, the register's sheets and
-- tables 20261202030000, the procès-verbal 20261202040000): each of those
-- migrations restated the check for its own kinds only; this one states it
-- once for all. A deliberation's extract names its deliberation; a year's
-- table names its year; every other document (list, convocation, closing
-- sheet, PV) names its sitting.
ALTER TABLE "issued_extract" DROP CONSTRAINT "issued_extract_subject";
ALTER TABLE "issued_extract" ADD CONSTRAINT "issued_extract_subject" CHECK (
  CASE
    WHEN "kind"::text = 'DELIBERATION' THEN "deliberation_id" IS NOT NULL AND "sitting_id" IS NULL AND "register_year" IS NULL
    WHEN "kind"::text IN ('REGISTER_TABLE_BY_DATE', 'REGISTER_TABLE_BY_MATTER') THEN "register_year" IS NOT NULL AND "sitting_id" IS NULL AND "deliberation_id" IS NULL
    ELSE "sitting_id" IS NOT NULL AND "deliberation_id" IS NULL AND "register_year" IS NULL
  END);
