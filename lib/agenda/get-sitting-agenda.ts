import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";

/** A sitting's agenda for the back office: items in order, with the draft or the PV each names. */
export async function getSittingAgenda(options: { db: Db; actor: SessionUser | null; sittingId: string }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  return readSittingAgenda(options.db, actor.municipalityId, options.sittingId);
}

export async function readSittingAgenda(db: Db | Tx, municipalityId: string, sittingId: string) {
  return db.agendaItem.findMany({
    where: { municipalityId, sittingId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      position: true,
      kind: true,
      title: true,
      summaryNote: true,
      deliberation: { select: { id: true, number: true, status: true, matterCode: true } },
      minutesSitting: { select: { id: true, startsAt: true } },
    },
  });
}

export type SittingAgendaItem = Awaited<ReturnType<typeof readSittingAgenda>>[number];
