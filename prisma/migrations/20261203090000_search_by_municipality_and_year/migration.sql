-- A search reads one municipality's matches, year by year from the newest
-- (lib/search/search-sql.ts). With the text index on search_vector alone, a
-- shared instance's frequent word was found in every municipality's acts:
-- each year's count re-read all of them (23,000 heap rows for « droit de
-- préemption urbain » in a million acts) and filtered them by municipality and
-- year afterwards, so that the bounded search took longer than the exact one.
--
-- With btree_gin (shipped with PostgreSQL, a trusted extension), the
-- municipality and the year are keys of the text index itself: one year's
-- matches of one municipality are read from the index alone, without visiting
-- another's. The new index is also smaller than the old one (186 MB against
-- 335 MB for a million acts).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "deliberation_search_idx" ON "deliberation" USING GIN ("municipality_id", "year", "search_vector");
DROP INDEX "deliberation_search_vector_idx";

-- The matter filter (split_part on the code's first two parts, as the search
-- writes it), now ending with the year: a frequent matter's acts are read one
-- year at a time too.
CREATE INDEX "deliberation_matter_year_idx" ON "deliberation"
  ("municipality_id", split_part("matter_code", '.', 1), split_part("matter_code", '.', 2), "year");
DROP INDEX "deliberation_matter_family_idx";
