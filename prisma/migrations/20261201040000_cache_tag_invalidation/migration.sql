-- When each cache tag of Next's server cache was last invalidated, per portal
-- (scope: the municipality's slug). One row per tag, overwritten. The web
-- instances of one database learn of each write through NOTIFY (below) and
-- read the table when they start or reconnect (lib/cache/tag-cache-handler.mjs).
CREATE TABLE "cache_tag_invalidation" (
  "scope" TEXT NOT NULL,
  "tag" TEXT NOT NULL,
  "invalidated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  -- NULL: expired at once; otherwise stale at once and expired after that many seconds.
  "expire_seconds" INTEGER,
  CONSTRAINT "cache_tag_invalidation_pkey" PRIMARY KEY ("scope", "tag"),
  CONSTRAINT "cache_tag_invalidation_tag_length" CHECK (char_length("tag") BETWEEN 1 AND 1024),
  CONSTRAINT "cache_tag_invalidation_expire_seconds_positive" CHECK ("expire_seconds" IS NULL OR "expire_seconds" >= 0)
);

CREATE INDEX "cache_tag_invalidation_scope_invalidated_at_idx" ON "cache_tag_invalidation" ("scope", "invalidated_at");

-- Every written row is announced to the listening instances, whoever wrote it;
-- `origin` (the writer's application_name) lets the writer skip its own.
CREATE FUNCTION "cache_tag_invalidation_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registre_cache_tags', json_build_object(
    'scope', NEW."scope",
    'tag', NEW."tag",
    'expireSeconds', NEW."expire_seconds",
    'at', extract(epoch FROM NEW."invalidated_at") * 1000,
    'origin', current_setting('application_name')
  )::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "cache_tag_invalidation_notify"
AFTER INSERT OR UPDATE ON "cache_tag_invalidation"
FOR EACH ROW EXECUTE FUNCTION "cache_tag_invalidation_notify"();
