-- A published act states names and figures that live in other tables: the
-- councillors it names (president, secretary, the one who convened, the
-- rapporteur, the cosignatory, every member present, represented, excused or
-- absent, every proxy holder, every named vote), the sitting it was taken at,
-- and the municipality that issues it (its name, the members in office that
-- SCDL's VOTE_EFFECTIF gives, the court and the notice on appeals). Those rows
-- keep changing after publication (a name corrected after a marriage, a new
-- role, new settings), while the signed extract is issued once. So the act's
-- record is frozen at publication, here:
--
-- * deliberation_record(id) builds the record every rendering reads (the
--   public page, the signed extract, the API, the sitting's page and list):
--   the one definition of what an act states, used live for a draft (the
--   staff's working document) and frozen for a published act.
-- * municipality_record(id) builds what the act states of its municipality.
-- * deliberation_snapshot keeps both, one row per published deliberation,
--   written by the database in the statement that publishes (whoever
--   publishes: the use case, the seed, an import, plain SQL), so it is in the
--   publication's transaction by construction. A rectification is another
--   deliberation row: it gets its own snapshot at its own publication.
-- * A published deliberation without its snapshot, or a snapshot of a
--   deliberation that is not published, is refused at commit; a snapshot is
--   never changed nor deleted.
--
-- Facts that come after the vote and are not what the act states stay on
-- their own rows and stay recordable: the posting of the sitting's list of
-- deliberations (sitting.list_posted_at), the procès-verbal. A receipt
-- recorded before publication is part of the record.
--
-- The sitting's own columns that the act states (date, kind, place,
-- convocation, officers) are also refused any change once one of its
-- deliberations is published, as updateSitting already refused in TypeScript;
-- other columns of the sitting (list_posted_at, and those added later) stay
-- writable.

-- Instants in UTC with milliseconds, whatever the session's time zone: the
-- same record gives the same text, hence the same digest.
CREATE FUNCTION "record_instant"(value TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION "record_day"(value DATE) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT to_char(value, 'YYYY-MM-DD')
$$;

-- How an act names a councillor.
CREATE FUNCTION "councillor_record"(councillor_id UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', c."id", 'civility', c."civility", 'firstName', c."first_name", 'lastName', c."last_name",
    'role', c."role", 'roleLabel', c."role_label")
  FROM "councillor" c WHERE c."id" = councillor_id
$$;

CREATE FUNCTION "municipality_record"(municipality_id UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'name', m."name", 'communeName', m."commune_name", 'siren', m."siren", 'siret', m."siret",
    'departmentCode', m."department_code", 'administrativeCourt', m."administrative_court",
    'membersInOffice', m."members_in_office", 'appealNotice', m."appeal_notice", 'annexNotice', m."annex_notice")
  FROM "municipality" m WHERE m."id" = municipality_id
$$;

CREATE FUNCTION "deliberation_record"(deliberation_id UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', d."id", 'number', d."number", 'isDemo', d."is_demo", 'version', d."version",
    'rectificationReason', d."rectification_reason", 'orderInSitting', d."order_in_sitting",
    'subject', d."subject", 'reportSubject', d."report_subject", 'service', d."service",
    'matterCode', d."matter_code", 'policyHeading', d."policy_heading", 'report', d."report",
    'proposals', d."proposals", 'status', d."status", 'outcome', d."outcome",
    'votedAt', record_day(d."voted_at"), 'signedAt', record_day(d."signed_at"),
    'postedAt', record_day(d."posted_at"), 'transmittedAt', record_day(d."transmitted_at"),
    'publishedAt', record_instant(d."published_at"),
    'cosignatoryTitle', d."cosignatory_title", 'sittingId', d."sitting_id",
    'rapporteur', councillor_record(d."rapporteur_id"),
    'cosignatory', councillor_record(d."cosignatory_id"),
    'sitting', jsonb_build_object(
      'startsAt', record_instant(s."starts_at"), 'kind', s."kind", 'isPublic', s."is_public",
      'place', s."place", 'convocationDate', record_day(s."convocation_date"),
      'convenedBy', councillor_record(s."convened_by_id"),
      'president', councillor_record(s."president_id"),
      'secretary', councillor_record(s."secretary_id")),
    'attendances', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'status', a."status", 'note', a."note",
          'councillor', councillor_record(a."councillor_id"),
          'proxyHolder', councillor_record(a."proxy_holder_id"))
        ORDER BY a."councillor_id")
      FROM "attendance" a WHERE a."deliberation_id" = d."id"), '[]'::jsonb),
    'vote', (
      SELECT jsonb_build_object(
        'secret', v."secret", 'presentAndRepresented', v."present_and_represented", 'present', v."present",
        'represented', v."represented", 'abstentions', v."abstentions", 'nonParticipation', v."non_participation",
        'expressed', v."expressed", 'votesFor', v."votes_for", 'votesAgainst', v."votes_against",
        'castingVote', v."casting_vote", 'result', v."result",
        'choices', coalesce((
          SELECT jsonb_agg(jsonb_build_object('choice', r."choice", 'councillor', councillor_record(r."councillor_id"))
            ORDER BY r."councillor_id")
          FROM "vote_record" r WHERE r."vote_id" = v."id"), '[]'::jsonb))
      FROM "vote" v WHERE v."deliberation_id" = d."id"),
    'prefectureReceipt', (
      SELECT jsonb_build_object('actesId', p."actes_id", 'receivedAt', record_day(p."received_at"), 'signedAt', record_day(p."signed_at"))
      FROM "prefecture_receipt" p WHERE p."deliberation_id" = d."id"),
    'annexes', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'id', x."id", 'title', x."title", 'fileName', x."file_name", 'mediaType', x."media_type",
          'size', x."size", 'isPublic', x."is_public")
        ORDER BY x."created_at", x."id")
      FROM "annex" x WHERE x."deliberation_id" = d."id"), '[]'::jsonb))
  FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
  WHERE d."id" = deliberation_id
$$;

CREATE TABLE "deliberation_snapshot" (
    "deliberation_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "municipality_record" JSONB NOT NULL,
    "record" JSONB NOT NULL,

    CONSTRAINT "deliberation_snapshot_pkey" PRIMARY KEY ("deliberation_id"),
    CONSTRAINT "deliberation_snapshot_record_check" CHECK (
      "record" ->> 'id' = "deliberation_id"::text AND "record" ->> 'status' = 'PUBLISHED'
      AND jsonb_typeof("record" -> 'attendances') = 'array' AND jsonb_typeof("municipality_record" -> 'membersInOffice') = 'number'
    )
);

CREATE UNIQUE INDEX "deliberation_snapshot_municipality_id_deliberation_id_key" ON "deliberation_snapshot"("municipality_id", "deliberation_id");

ALTER TABLE "deliberation_snapshot" ADD CONSTRAINT "deliberation_snapshot_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliberation_snapshot" ADD CONSTRAINT "deliberation_snapshot_deliberation_fkey" FOREIGN KEY ("municipality_id", "deliberation_id") REFERENCES "deliberation"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Taken by the statement that publishes.
CREATE FUNCTION "deliberation_snapshot_take"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "deliberation_snapshot" ("deliberation_id", "municipality_id", "municipality_record", "record")
  VALUES (NEW."id", NEW."municipality_id", municipality_record(NEW."municipality_id"), deliberation_record(NEW."id"));
  RETURN NULL;
END $$;

CREATE TRIGGER "deliberation_snapshot_take_on_publish"
  AFTER UPDATE OF "status" ON "deliberation"
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED' AND OLD."status" <> 'PUBLISHED')
  EXECUTE FUNCTION "deliberation_snapshot_take"();
CREATE TRIGGER "deliberation_snapshot_take_on_insert"
  AFTER INSERT ON "deliberation"
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED')
  EXECUTE FUNCTION "deliberation_snapshot_take"();

-- Published if and only if frozen, checked at commit.
CREATE FUNCTION "deliberation_snapshot_required"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
  published BOOLEAN;
  frozen BOOLEAN;
BEGIN
  IF TG_TABLE_NAME = 'deliberation' THEN
    target := NEW."id";
  ELSE
    target := NEW."deliberation_id";
  END IF;
  SELECT d."status" = 'PUBLISHED' INTO published FROM "deliberation" d WHERE d."id" = target;
  SELECT EXISTS (SELECT 1 FROM "deliberation_snapshot" s WHERE s."deliberation_id" = target) INTO frozen;
  IF coalesce(published, false) <> frozen THEN
    RAISE EXCEPTION 'deliberation % is %: an act is frozen at its publication, and only then', target,
      CASE WHEN published THEN 'published without a snapshot' ELSE 'not published but has a snapshot' END
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'deliberation_snapshot_required';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "deliberation_snapshot_required"
  AFTER INSERT OR UPDATE OF "status" ON "deliberation"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED')
  EXECUTE FUNCTION "deliberation_snapshot_required"();
CREATE CONSTRAINT TRIGGER "deliberation_snapshot_of_published"
  AFTER INSERT ON "deliberation_snapshot"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "deliberation_snapshot_required"();

CREATE FUNCTION "deliberation_snapshot_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the snapshot of published deliberation % cannot be changed or deleted (issue a rectification)', OLD."record" ->> 'number'
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'deliberation_snapshot_immutable';
END $$;

CREATE TRIGGER "deliberation_snapshot_immutable"
  BEFORE UPDATE OR DELETE ON "deliberation_snapshot"
  FOR EACH ROW EXECUTE FUNCTION "deliberation_snapshot_immutable"();

-- What the act states of its sitting cannot change once one of its deliberations is published.
CREATE FUNCTION "sitting_published_stated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."municipality_id", NEW."starts_at", NEW."kind", NEW."is_public", NEW."place", NEW."convocation_date",
      NEW."convened_by_id", NEW."president_id", NEW."secretary_id")
     IS DISTINCT FROM
     (OLD."municipality_id", OLD."starts_at", OLD."kind", OLD."is_public", OLD."place", OLD."convocation_date",
      OLD."convened_by_id", OLD."president_id", OLD."secretary_id")
     AND EXISTS (SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = OLD."id" AND d."status" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'sitting % has published deliberations: what they state of it cannot be changed (issue a rectification)', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'sitting_published_stated';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "sitting_published_stated"
  BEFORE UPDATE ON "sitting"
  FOR EACH ROW EXECUTE FUNCTION "sitting_published_stated"();

-- The acts published before this migration are frozen as their rows say now.
INSERT INTO "deliberation_snapshot" ("deliberation_id", "municipality_id", "municipality_record", "record")
SELECT d."id", d."municipality_id", municipality_record(d."municipality_id"), deliberation_record(d."id")
FROM "deliberation" d WHERE d."status" = 'PUBLISHED';
