-- Relevance read from a small vector kept in the row, and a deliberation row
-- narrow enough that a search touches few pages.
--
-- A frequent word ("subvention", "urbanisme") matches tens of thousands of
-- acts. Finding and counting them goes through the GIN index on
-- search_vector, but ranking them with ts_rank(search_vector, …) read the
-- whole vector of each, report included: large, stored out of line (TOAST),
-- hence one more index lookup and a decompression per match.
--
-- search_rank_vector holds what relevance rests on: the subject and the
-- report's heading (weight A) and the proposals (weight B), the same words as
-- in search_vector with the same weights, without the report. A match found
-- only in the report ranks 0 and comes after the others, newest first. It is
-- generated, so the database keeps it up to date, and stored MAIN: kept in the
-- row (compressed if it must be), never moved out of line.
--
-- toast_tuple_target = 128: a row longer than 2 kB has its long values
-- (report, proposals, search_vector…) moved out of line until it is short,
-- not merely until it fits in 2 kB. The table's own pages then hold what
-- searching and filtering read (status, dates, codes, the rank vector): half
-- as many pages for the same rows; the long texts are read, from the TOAST
-- table, only for the rows shown. The subject, short and shown in every list
-- and export, stays in the row (MAIN) too. Adding the generated column
-- rewrites the table, so existing rows take the new layout at once.
--
-- Neither the storage settings nor the reloption can be said in
-- schema.prisma; the column is declared there as Unsupported("tsvector").

ALTER TABLE "deliberation"
  SET (toast_tuple_target = 128),
  ADD COLUMN "search_rank_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('registre_french'::regconfig, coalesce("subject", '')), 'A') ||
    setweight(to_tsvector('registre_french'::regconfig, coalesce("report_subject", '')), 'A') ||
    setweight(to_tsvector('registre_french'::regconfig, coalesce("proposals", '')), 'B')
  ) STORED,
  ALTER COLUMN "search_rank_vector" SET STORAGE MAIN,
  ALTER COLUMN "subject" SET STORAGE MAIN;

-- The matter filter: "7" is the whole family, "7.1" the sub-matter and its
-- deeper levels (not "7.10"). Written on the code's first two parts, the
-- search's condition can use this index alongside the text index, so that a
-- frequent word in a small matter reads only that matter's acts.
CREATE INDEX "deliberation_matter_family_idx" ON "deliberation"
  ("municipality_id", split_part("matter_code", '.', 1), split_part("matter_code", '.', 2));
