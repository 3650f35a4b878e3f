import "server-only";
import { ADMIN_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { localDayBounds } from "@/lib/domain/calendar";
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
    ...(entity ? { entity } : {}),
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
  return { events, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), entities: entities.map((row) => row.entity), users };
}
