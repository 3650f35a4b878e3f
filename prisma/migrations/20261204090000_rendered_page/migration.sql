-- The bytes of public pages Next rendered and keeps in its cache (a published
-- act, a sitting), stored once for every web instance of the database and
-- served by the front (lib/http/stored-pages.ts) without Next, the first time
-- an instance is asked for them too: a crawler walking a million acts reads
-- them from here instead of making React render each one.
--
-- A row is valid for the build that rendered it (build_id: its scripts and
-- their integrity hashes are in the bytes) while none of its tags was
-- invalidated since it was rendered (cache_tag_invalidation, which a
-- rectification or a change of the site's settings writes). The front checks
-- both on every read; the renderer (lib/http/render-ahead.ts) renders again
-- what is missing or no longer valid.
CREATE TABLE "rendered_page" (
  "scope" TEXT NOT NULL,
  "path" TEXT NOT NULL,
  "build_id" TEXT NOT NULL,
  -- Next's tags of the page (x-next-cache-tags): its path, its layouts.
  "tags" TEXT[] NOT NULL,
  -- The response's headers as Next wrote them, less those set per response.
  "headers" JSONB NOT NULL,
  -- The page as Next sent it compressed (Content-Encoding: gzip).
  "body" BYTEA NOT NULL,
  -- When Next rendered the entry these bytes come from (its lastModified).
  "rendered_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "rendered_page_pkey" PRIMARY KEY ("scope", "path", "build_id"),
  CONSTRAINT "rendered_page_path_shape" CHECK ("path" ~ '^/[^?#]*$' AND char_length("path") <= 2048),
  CONSTRAINT "rendered_page_tags_present" CHECK (cardinality("tags") BETWEEN 1 AND 64),
  CONSTRAINT "rendered_page_body_size" CHECK (octet_length("body") BETWEEN 1 AND 4194304)
);

-- The body is compressed already: stored out of line as it is, not compressed again.
ALTER TABLE "rendered_page" ALTER COLUMN "body" SET STORAGE EXTERNAL;
