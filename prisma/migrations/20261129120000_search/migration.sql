-- Full-text search in French over a deliberation's subject, proposals and report.
--
-- A text search configuration of our own, "registre_french", is the French
-- one with accents removed before stemming: "délibération", "DELIBERATION" and
-- "deliberations" all become the same lexeme. to_tsvector with a constant
-- regconfig is immutable, so the vector can be a generated column, maintained
-- by the database at every insert or update, and indexed with GIN.
-- (unaccent() alone is only STABLE and could not be used in a generated
-- column; as a dictionary of the configuration it needs no wrapper.)

CREATE EXTENSION IF NOT EXISTS "unaccent";

CREATE TEXT SEARCH CONFIGURATION "registre_french" (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION "registre_french"
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, french_stem;

-- Subject (and the report's own heading) weigh most, then the proposals put
-- to the vote, then the report.
ALTER TABLE "deliberation" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('registre_french'::regconfig, coalesce("subject", '')), 'A') ||
  setweight(to_tsvector('registre_french'::regconfig, coalesce("report_subject", '')), 'A') ||
  setweight(to_tsvector('registre_french'::regconfig, coalesce("proposals", '')), 'B') ||
  setweight(to_tsvector('registre_french'::regconfig, coalesce("report", '')), 'C')
) STORED;

CREATE INDEX "deliberation_search_vector_idx" ON "deliberation" USING GIN ("search_vector");

-- What the public search filters and sorts on besides the text.
CREATE INDEX "deliberation_municipality_id_year_idx" ON "deliberation" ("municipality_id", "year");
CREATE INDEX "deliberation_rapporteur_id_idx" ON "deliberation" ("rapporteur_id");
