-- An act's record (deliberation_record, its snapshot at publication) and the
-- checks of its counts read its vote and its receipt by the act alone; their
-- unique keys start with the municipality, so each lookup read the whole
-- table: publishing cost grew with the number of acts already there (an
-- archive import of 100,000 rows, or any publication on a large instance).
CREATE INDEX "vote_deliberation_id_idx" ON "vote"("deliberation_id");
CREATE INDEX "prefecture_receipt_deliberation_id_idx" ON "prefecture_receipt"("deliberation_id");
