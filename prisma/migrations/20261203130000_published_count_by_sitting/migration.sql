-- The number of each sitting's published acts (the sittings' list, the
-- register, and the deep pages of the deliberations' list, which skip whole
-- sittings by their counts) is read from this index alone
-- (publishedDeliberationCountBySittingSql): grouping the rule's rows read
-- every act of the town.
CREATE INDEX "deliberation_sitting_id_status_published_at_idx" ON "deliberation"("sitting_id", "status", "published_at");
