import "server-only";
import { randomUUID } from "node:crypto";
import type { Admin, Editor } from "@/lib/auth/roles";
import { appendAuditEvent, canonicalJson } from "@/lib/audit/append-audit-event";
import { Prisma, type Tx } from "@/lib/db/prisma";
import { toAppError } from "@/lib/to-app-error";
import type { ArchivedActInput, ArchiveFileInput } from "./archived-act";
import { checkArchivedAct, type ArchiveCheckContext, type ArchiveRowIssue } from "./check-archived-act";

// The archive writer: every reader (SCDL, minutes, …) hands it acts in
// batches, inside one transaction the caller opens. It writes set-wise
// (one INSERT … SELECT per table and batch, not one use case per row), under
// the same rules as manual entry: checkArchivedAct first, for a French
// report, then the database's constraints and triggers. An act already there
// (same identifier, same day) is recognised: identical, it is counted as
// unchanged; different, it is a conflict, reported and never applied. Acts
// are published at their sitting's date and frozen like any published act.
// The audit event is appended once, at the end (finishArchiveImport), so the
// chain's lock is held only for an instant, not for the whole file.

export type ArchiveConflict = { line: number; identifier: string; day: string; number: string; fields: { field: string; stored: unknown; given: unknown }[] };

export type ArchiveBatchResult = { created: number; unchanged: number; conflicts: ArchiveConflict[]; invalid: ArchiveRowIssue[] };

export type ArchiveImportTotals = { rowsRead: number; created: number; unchanged: number; skipped: number; conflicts: number };

type Actor = Editor | Admin;

export type ArchiveSession = { importId: string; municipalityId: string; context: ArchiveCheckContext; timeZone: string; startedAt: Date; isDemo: boolean };

/** Records the file being imported (its row names the acts' source) and returns the session the batches share. */
export async function startArchiveImportInTransaction(tx: Tx, actor: Actor, { file }: { file: ArchiveFileInput }): Promise<ArchiveSession> {
  const municipality = await tx.municipality.findUniqueOrThrow({
    where: { id: actor.municipalityId },
    select: { departmentCode: true, siren: true, membersInOffice: true, timeZone: true },
  });
  const importId = randomUUID();
  const created = await tx.archiveImport.create({
    data: { id: importId, municipalityId: actor.municipalityId, format: file.format, fileName: file.fileName.slice(0, 255), sha256: file.sha256, size: BigInt(file.size), importedById: actor.id },
    select: { startedAt: true },
  });
  return {
    importId,
    municipalityId: actor.municipalityId,
    context: { departmentCode: municipality.departmentCode, siren: municipality.siren, membersInOffice: municipality.membersInOffice },
    timeZone: municipality.timeZone,
    startedAt: created.startedAt,
    isDemo: file.isDemo ?? false,
  };
}

/** Closes the import with its counts and report, and appends its one audit event. */
export async function finishArchiveImportInTransaction(
  tx: Tx,
  actor: Actor,
  session: ArchiveSession,
  { totals, report }: { totals: ArchiveImportTotals; report: Prisma.InputJsonValue },
): Promise<void> {
  const file = await tx.archiveImport.update({
    where: { id: session.importId },
    data: {
      finishedAt: new Date(),
      rowsRead: totals.rowsRead,
      actsCreated: totals.created,
      actsUnchanged: totals.unchanged,
      rowsSkipped: totals.skipped,
      conflicts: totals.conflicts,
      report,
    },
    select: { format: true, fileName: true, sha256: true, size: true },
  });
  await appendAuditEvent(tx, {
    municipalityId: session.municipalityId,
    userId: actor.id,
    action: "archive.import",
    entity: "archive_import",
    entityId: session.importId,
    after: { format: file.format, fileName: file.fileName, sha256: file.sha256, size: Number(file.size), ...totals },
  });
}

/**
 * Writes one batch. Invalid acts are reported and not written; the caller
 * decides whether that refuses the whole import. A batch the database refuses
 * is retried act by act (each under its own savepoint) to name the culprits.
 */
export async function writeArchivedActsInTransaction(tx: Tx, session: ArchiveSession, acts: readonly ArchivedActInput[]): Promise<ArchiveBatchResult> {
  const result: ArchiveBatchResult = { created: 0, unchanged: 0, conflicts: [], invalid: [] };
  const valid: ArchivedActInput[] = [];
  const keys = new Map<string, ArchivedActInput>();
  for (const act of acts) {
    const issues = checkArchivedAct(act, session.context);
    if (issues.length) {
      result.invalid.push(...issues);
      continue;
    }
    const key = `${act.identifier}\u0000${act.sitting.day}`;
    const twin = keys.get(key);
    if (twin) {
      if (canonicalJson(factsOf(twin)) !== canonicalJson(factsOf(act))) {
        result.invalid.push({ line: act.source.line, field: "identifier", message: `L'acte ${act.identifier} du ${act.sitting.day} figure déjà ligne ${twin.source.line}, avec d'autres faits.` });
      } else result.unchanged += 1;
      continue;
    }
    keys.set(key, act);
    valid.push(act);
  }
  const fresh = await recognise(tx, session, valid, result);
  if (fresh.length === 0) return result;
  await tx.$executeRawUnsafe("SAVEPOINT archive_batch");
  try {
    await insertActs(tx, session, fresh);
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT archive_batch");
    result.created += fresh.length;
  } catch {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT archive_batch");
    for (const act of fresh) {
      await tx.$executeRawUnsafe("SAVEPOINT archive_act");
      try {
        await insertActs(tx, session, [act]);
        await tx.$executeRawUnsafe("RELEASE SAVEPOINT archive_act");
        result.created += 1;
      } catch (error) {
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT archive_act");
        const refusal = toAppError(error);
        result.invalid.push({ line: act.source.line, field: null, message: refusal?.message ?? "La base de données a refusé cet acte." });
      }
    }
  }
  return result;
}

/** What an act states, normalised: stored with it, compared on a re-import. */
export function factsOf(act: ArchivedActInput): Prisma.InputJsonObject {
  const facts: Omit<ArchivedActInput, "source"> & { source?: unknown } = {
    ...act,
    sitting: { ...act.sitting, attendance: act.sitting.attendance ? [...act.sitting.attendance].sort((a, b) => a.councillorId.localeCompare(b.councillorId)) : null },
  };
  delete facts.source;
  return JSON.parse(JSON.stringify(facts)) as Prisma.InputJsonObject;
}

/** The facts that differ, by path; compared with sorted keys, since PostgreSQL's jsonb gives the stored facts its own key order. */
function differences(stored: Record<string, unknown>, given: Record<string, unknown>, prefix = ""): { field: string; stored: unknown; given: unknown }[] {
  const found: { field: string; stored: unknown; given: unknown }[] = [];
  for (const key of new Set([...Object.keys(stored), ...Object.keys(given)])) {
    const a = stored[key];
    const b = given[key];
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      found.push(...differences(a as Record<string, unknown>, b as Record<string, unknown>, `${prefix}${key}.`));
    } else if (canonicalJson(a) !== canonicalJson(b)) found.push({ field: `${prefix}${key}`, stored: a ?? null, given: b ?? null });
  }
  return found;
}

type Known = { i: number; number: string; facts: Record<string, unknown> | null; subject: string; votes_for: number | null; votes_against: number | null; abstentions: number | null };

/** Splits the batch into acts already there (unchanged or conflicting, counted in `result`) and acts to write. */
async function recognise(tx: Tx, session: ArchiveSession, acts: ArchivedActInput[], result: ArchiveBatchResult): Promise<ArchivedActInput[]> {
  if (acts.length === 0) return [];
  const wanted = acts.map((act, i) => ({ i, identifier: act.identifier, day: act.sitting.day }));
  // An archived act by its identifier and day; an act entered here (a town re-importing its own SCDL) by its number and its sitting's day.
  // Two lookups, each on its unique index (an OR of the two would compare the batch with every act of the town).
  const known = await tx.$queryRaw<Known[]>(Prisma.sql`
    WITH w AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS w("i" int, "identifier" text, "day" date))
    SELECT w."i", d."number", d."archive_facts" AS "facts", d."subject", v."votes_for", v."votes_against", v."abstentions"
    FROM w
    JOIN "deliberation" d ON d."municipality_id" = ${session.municipalityId}::uuid AND d."archive_import_id" IS NOT NULL
      AND d."original_identifier" = w."identifier" AND d."voted_at" = w."day"
    LEFT JOIN "vote" v ON v."deliberation_id" = d."id"
    UNION ALL
    SELECT w."i", d."number", d."archive_facts", d."subject", v."votes_for", v."votes_against", v."abstentions"
    FROM w
    JOIN "deliberation" d ON d."municipality_id" = ${session.municipalityId}::uuid AND d."archive_import_id" IS NULL
      AND d."version" = 1 AND d."number" = w."identifier"
    JOIN "sitting" s ON s."id" = d."sitting_id" AND "sitting_day"(d."municipality_id", s."starts_at") = w."day"
    LEFT JOIN "vote" v ON v."deliberation_id" = d."id"`);
  const byIndex = new Map(known.map((row) => [row.i, row]));
  const fresh: ArchivedActInput[] = [];
  acts.forEach((act, i) => {
    const row = byIndex.get(i);
    if (!row) return void fresh.push(act);
    const fields = row.facts
      ? differences(row.facts, factsOf(act) as Record<string, unknown>)
      : differences(
          { subject: row.subject, votesFor: row.votes_for, votesAgainst: row.votes_against, abstentions: row.abstentions },
          { subject: act.subject, votesFor: act.vote?.votesFor ?? row.votes_for, votesAgainst: act.vote?.votesAgainst ?? row.votes_against, abstentions: act.vote?.abstentions ?? row.abstentions },
        );
    if (fields.length === 0) result.unchanged += 1;
    else result.conflicts.push({ line: act.source.line, identifier: act.identifier, day: act.sitting.day, number: row.number, fields });
  });
  return fresh;
}

const sittingKey = (act: ArchivedActInput) => `${act.sitting.day} ${act.sitting.hour ?? ""}`;

/** Sittings, acts, roll calls, votes and receipts of acts not yet there, then their publication: one statement per table. */
async function insertActs(tx: Tx, session: ArchiveSession, acts: ArchivedActInput[]): Promise<void> {
  const sittingIds = await archivedSittings(tx, session, acts);
  const rows = acts.map((act, position) => ({
    id: randomUUID(),
    position,
    sitting_id: sittingIds.get(sittingKey(act))!,
    identifier: act.identifier,
    day: act.sitting.day,
    order_in_sitting: act.orderInSitting,
    subject: act.subject.trim(),
    matter_code: act.matterCode,
    status: act.outcome === "WITHDRAWN" ? "WITHDRAWN" : "VOTED",
    outcome: act.outcome,
    transmitted_at: act.receipt?.receivedAt ?? null,
    budget_year: act.budgetYear,
    budget_name: act.budgetName,
    source_url: act.sourceUrl,
    facts: factsOf(act),
  }));
  // Its number is its identifier, unless another act of the municipality (or of this batch) holds it: then "<identifier>@<day>".
  await tx.$executeRaw(Prisma.sql`
    WITH "given" AS (
      SELECT g.*, row_number() OVER (PARTITION BY g."identifier" ORDER BY g."day", g."position") AS "rank"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS g(
        "id" uuid, "position" int, "sitting_id" uuid, "identifier" text, "day" date, "order_in_sitting" int, "subject" text, "matter_code" text,
        "status" "deliberation_status", "outcome" "outcome", "transmitted_at" date, "budget_year" text, "budget_name" text, "source_url" text, "facts" jsonb)
    ), "last_order" AS (
      SELECT d."sitting_id", max(d."order_in_sitting") AS "last" FROM "deliberation" d
      WHERE d."sitting_id" IN (SELECT "sitting_id" FROM "given") GROUP BY d."sitting_id"
    )
    INSERT INTO "deliberation" ("id", "municipality_id", "sitting_id", "number", "year", "sequence", "order_in_sitting", "subject",
      "matter_code", "status", "outcome", "voted_at", "transmitted_at", "archive_import_id", "original_identifier", "archive_facts",
      "budget_year", "budget_name", "source_url", "is_demo", "updated_at")
    SELECT g."id", ${session.municipalityId}::uuid, g."sitting_id",
      CASE WHEN g."rank" = 1 AND NOT EXISTS (
          SELECT 1 FROM "deliberation" o WHERE o."municipality_id" = ${session.municipalityId}::uuid AND o."number" = g."identifier")
        THEN g."identifier" ELSE g."identifier" || '@' || to_char(g."day", 'YYYY-MM-DD') END,
      extract(year FROM g."day")::int, NULL,
      coalesce(g."order_in_sitting", coalesce(l."last", 0) + row_number() OVER (PARTITION BY g."sitting_id" ORDER BY g."position")),
      g."subject", g."matter_code", g."status", g."outcome", g."day", g."transmitted_at", ${session.importId}::uuid,
      g."identifier", g."facts", g."budget_year", g."budget_name", g."source_url", ${session.isDemo}, now()
    FROM "given" g LEFT JOIN "last_order" l ON l."sitting_id" = g."sitting_id"`);

  const attendance = acts.flatMap((act, index) =>
    (act.sitting.attendance ?? []).map((entry) => ({ deliberation_id: rows[index]!.id, councillor_id: entry.councillorId, status: entry.status, proxy_holder_id: entry.proxyHolderId, note: entry.note })),
  );
  if (attendance.length) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "attendance" ("id", "municipality_id", "deliberation_id", "councillor_id", "status", "proxy_holder_id", "note")
      SELECT gen_random_uuid(), ${session.municipalityId}::uuid, a."deliberation_id", a."councillor_id", a."status", a."proxy_holder_id", a."note"
      FROM jsonb_to_recordset(${JSON.stringify(attendance)}::jsonb) AS a("deliberation_id" uuid, "councillor_id" uuid, "status" "attendance_status", "proxy_holder_id" uuid, "note" text)`);
  }

  const votes = acts.flatMap((act, index) => {
    if (!act.vote || act.outcome === "WITHDRAWN") return [];
    const { votesFor, votesAgainst, abstentions, unanimous } = act.vote;
    const roll = act.sitting.attendance;
    const present = roll ? roll.filter((entry) => entry.status === "PRESENT").length : null;
    const represented = roll ? roll.filter((entry) => entry.status === "REPRESENTED").length : null;
    const participants = act.vote.participants ?? (votesFor !== null && votesAgainst !== null && abstentions !== null ? votesFor + votesAgainst + abstentions : null);
    const presentAndRepresented = present !== null && represented !== null ? present + represented : null;
    const expressed = votesFor !== null && votesAgainst !== null ? votesFor + votesAgainst : null;
    // Not taking part is a figure only when the roll call and the whole tally are given.
    const nonParticipation = presentAndRepresented !== null && participants !== null && expressed !== null && abstentions !== null ? presentAndRepresented - participants : null;
    return [{ deliberation_id: rows[index]!.id, present, represented, present_and_represented: presentAndRepresented, abstentions, non_participation: nonParticipation, expressed, votes_for: votesFor, votes_against: votesAgainst, participants, unanimous, result: act.outcome }];
  });
  if (votes.length) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "vote" ("id", "municipality_id", "deliberation_id", "secret", "present", "represented", "present_and_represented", "abstentions",
        "non_participation", "expressed", "votes_for", "votes_against", "participants", "unanimous", "result")
      SELECT gen_random_uuid(), ${session.municipalityId}::uuid, v."deliberation_id", false, v."present", v."represented", v."present_and_represented",
        v."abstentions", v."non_participation", v."expressed", v."votes_for", v."votes_against", v."participants", v."unanimous", v."result"
      FROM jsonb_to_recordset(${JSON.stringify(votes)}::jsonb) AS v("deliberation_id" uuid, "present" int, "represented" int, "present_and_represented" int,
        "abstentions" int, "non_participation" int, "expressed" int, "votes_for" int, "votes_against" int, "participants" int, "unanimous" boolean, "result" "outcome")`);
  }

  const receipts = acts.flatMap((act, index) => (act.receipt ? [{ deliberation_id: rows[index]!.id, actes_id: act.receipt.actesId, authority: act.receipt.authority, received_at: act.receipt.receivedAt }] : []));
  if (receipts.length) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "prefecture_receipt" ("id", "municipality_id", "deliberation_id", "actes_id", "authority", "received_at")
      SELECT gen_random_uuid(), ${session.municipalityId}::uuid, r."deliberation_id", r."actes_id", r."authority", r."received_at"
      FROM jsonb_to_recordset(${JSON.stringify(receipts)}::jsonb) AS r("deliberation_id" uuid, "actes_id" text, "authority" text, "received_at" date)`);
  }

  // Published at its sitting's date (its hour, or the day's local midnight): the snapshot is taken by the database.
  await tx.$executeRaw(Prisma.sql`
    UPDATE "deliberation" d SET "status" = 'PUBLISHED', "published_at" = s."starts_at", "updated_at" = now()
    FROM "sitting" s
    WHERE s."id" = d."sitting_id" AND d."id" IN (SELECT (value #>> '{}')::uuid FROM jsonb_array_elements(${JSON.stringify(rows.map((row) => row.id))}::jsonb))`);
}

/** The archived sittings the acts belong to, by day and hour: those already there, then those to create. */
async function archivedSittings(tx: Tx, session: ArchiveSession, acts: ArchivedActInput[]): Promise<Map<string, string>> {
  const wanted = new Map<string, ArchivedActInput["sitting"]>();
  for (const act of acts) if (!wanted.has(sittingKey(act))) wanted.set(sittingKey(act), act.sitting);
  const given = [...wanted.entries()].map(([key, sitting]) => ({
    key,
    day: sitting.day,
    hour: sitting.hour,
    place: sitting.place,
    kind: sitting.extraordinary ? "EXTRAORDINARY" : "ORDINARY",
    president_id: sitting.presidentId,
    secretary_id: sitting.secretaryId,
    members_in_office: sitting.membersInOffice,
  }));
  const rows = await tx.$queryRaw<{ key: string; id: string }[]>(Prisma.sql`
    WITH "given" AS (
      SELECT g.*, (g."day" + coalesce(g."hour", '00:00')::time) AT TIME ZONE ${session.timeZone} AS "starts_at"
      FROM jsonb_to_recordset(${JSON.stringify(given)}::jsonb) AS g("key" text, "day" date, "hour" text, "place" text, "kind" "sitting_kind",
        "president_id" uuid, "secretary_id" uuid, "members_in_office" int)
    ), "found" AS (
      SELECT DISTINCT ON (g."key") g."key", s."id" FROM "given" g
      JOIN "sitting" s ON s."municipality_id" = ${session.municipalityId}::uuid AND s."archive_import_id" IS NOT NULL
        AND s."starts_at" = g."starts_at" AND s."hour_known" = (g."hour" IS NOT NULL)
      ORDER BY g."key", s."created_at"
    ), "created" AS (
      INSERT INTO "sitting" ("id", "municipality_id", "starts_at", "hour_known", "kind", "is_public", "place", "president_id", "secretary_id",
        "members_in_office", "archive_import_id", "is_demo", "updated_at")
      SELECT gen_random_uuid(), ${session.municipalityId}::uuid, g."starts_at", g."hour" IS NOT NULL, g."kind", true, g."place", g."president_id", g."secretary_id",
        coalesce(g."members_in_office", m."members_in_office"), ${session.importId}::uuid, ${session.isDemo}, now()
      FROM "given" g JOIN "municipality" m ON m."id" = ${session.municipalityId}::uuid
      WHERE g."key" NOT IN (SELECT "key" FROM "found")
      RETURNING "id", "starts_at", "hour_known"
    )
    SELECT "key", "id"::text FROM "found"
    UNION ALL
    SELECT g."key", c."id"::text FROM "created" c JOIN "given" g ON g."starts_at" = c."starts_at" AND (g."hour" IS NOT NULL) = c."hour_known"`);
  return new Map(rows.map((row) => [row.key, row.id]));
}
