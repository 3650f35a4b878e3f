import "server-only";
import { ADMIN_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { isoDay, localDayBounds } from "@/lib/domain/calendar";
import { formatCouncillorName, formatDateFr } from "@/lib/domain/format";
import { AUDIT_ENTITY_LABELS, auditEntityKey } from "./audit-labels";
import { timeZoneOf } from "@/lib/municipality/time-zone";

export type AuditFilters = { entity?: string; action?: string; userId?: string; from?: string; to?: string; page?: number };

export const AUDIT_PAGE_SIZE = 50;

/** The municipality's audit trail, latest first, filtered; for administrators only. */
export async function listAuditEvents(options: { db: Db; actor: SessionUser | null; filters: AuditFilters }) {
  const actor = authorize(options.actor, ADMIN_ROLES);
  const { entity, action, userId, from, to } = options.filters;
  const page = Math.max(1, options.filters.page ?? 1);
  // Days of the municipality's calendar, as every other date the clerks type.
  const zone = from || to ? await timeZoneOf(options.db, actor.municipalityId) : null;
  const where = {
    municipalityId: actor.municipalityId,
    // One kind whatever its case in the trail ("Deliberation" from the seed, "deliberation" from the use cases).
    ...(entity ? { entity: { equals: entity, mode: "insensitive" as const } } : {}),
    ...(action ? { action: { contains: action } } : {}),
    ...(userId ? { userId } : {}),
    ...(from || to
      ? { occurredAt: { ...(from ? { gte: localDayBounds(from, zone!).gte } : {}), ...(to ? { lt: localDayBounds(to, zone!).lt } : {}) } }
      : {}),
  };
  const [events, total, entities, users] = await Promise.all([
    options.db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, occurredAt: true, action: true, entity: true, entityId: true, before: true, after: true, hash: true, user: { select: { name: true, email: true } } },
    }),
    options.db.auditEvent.count({ where }),
    options.db.auditEvent.findMany({ where: { municipalityId: actor.municipalityId }, distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    options.db.user.findMany({ where: { municipalityId: actor.municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const kinds = [...new Set(entities.map((row) => auditEntityKey(row.entity)))].sort((a, b) => (AUDIT_ENTITY_LABELS[a] ?? a).localeCompare(AUDIT_ENTITY_LABELS[b] ?? b, "fr"));
  const names = await namesOfRecords(options.db, actor.municipalityId, events);
  return { events, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), entities: kinds, users, names };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * What the identifiers of a page of events name, for a reader: the act's
 * number, the sitting's day, the councillor's or the user's name, the annex's
 * title, the extract's file; found in the events' subjects and in their
 * before / after values (a vote names its councillors by id).
 */
async function namesOfRecords(
  db: Db,
  municipalityId: string,
  events: { entityId: string | null; before: unknown; after: unknown }[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const event of events) {
    for (const text of [event.entityId ?? "", JSON.stringify(event.before ?? null), JSON.stringify(event.after ?? null)]) {
      for (const match of text.matchAll(UUID)) ids.add(match[0].toLowerCase());
    }
  }
  if (!ids.size) return {};
  const id = { in: [...ids] };
  const zone = await timeZoneOf(db, municipalityId);
  const [deliberations, sittings, councillors, users, annexes, extracts, municipalities, windows] = await Promise.all([
    db.deliberation.findMany({ where: { municipalityId, id }, select: { id: true, number: true, version: true } }),
    db.sitting.findMany({ where: { municipalityId, id }, select: { id: true, startsAt: true } }),
    db.councillor.findMany({ where: { municipalityId, id }, select: { id: true, civility: true, firstName: true, lastName: true } }),
    db.user.findMany({ where: { municipalityId, id }, select: { id: true, name: true } }),
    db.annex.findMany({ where: { municipalityId, id }, select: { id: true, title: true } }),
    db.issuedExtract.findMany({ where: { municipalityId, id }, select: { id: true, fileName: true } }),
    db.municipality.findMany({ where: { id: { in: [municipalityId].filter((own) => ids.has(own)) } }, select: { id: true, name: true } }),
    db.derogationWindow.findMany({ where: { municipalityId, id }, select: { id: true, startsOn: true, endsOn: true } }),
  ]);
  return Object.fromEntries([
    ...deliberations.map((row) => [row.id, `délibération ${row.number}${row.version > 1 ? ` (version ${row.version})` : ""}`]),
    ...sittings.map((row) => [row.id, `séance du ${formatDateFr(row.startsAt, zone)}`]),
    ...councillors.map((row) => [row.id, formatCouncillorName(row)]),
    ...users.map((row) => [row.id, `compte de ${row.name}`]),
    ...annexes.map((row) => [row.id, `annexe « ${row.title} »`]),
    ...extracts.map((row) => [row.id, `extrait ${row.fileName}`]),
    ...municipalities.map((row) => [row.id, row.name]),
    ...windows.map((row) => [row.id, `période du ${formatDateFr(isoDay(row.startsOn))} au ${formatDateFr(isoDay(row.endsOn))}`]),
  ]);
}
