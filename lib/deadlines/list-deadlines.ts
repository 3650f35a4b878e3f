import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import {
  actDeadline,
  convocationDeadline,
  listPostingDeadline,
  minutesDeadline,
  RULES_OF_2022_FROM,
  sortByUrgency,
  type Deadline,
} from "@/lib/domain/sitting-deadlines";
import { readMinutesStates } from "./minutes-states";

// What the clerk must do, and by when: convocations to send, lists to post,
// PVs to submit, adopt and publish, acts voted not yet transmitted or
// published. The rules are lib/domain/sitting-deadlines; this reads the
// records they judge.

export type DeadlineRow = Deadline & {
  sitting: { id: string; startsAt: Date; isDemo: boolean };
  deliberation: { id: string; number: string; subject: string } | null;
  /** Where the clerk does it. */
  href: string;
};

const EXAMINED = ["VOTED", "TRANSMITTED", "PUBLISHED"] as const;

export async function listDeadlines(options: { db: Db; actor: SessionUser | null; now?: Date }): Promise<{ today: string; rows: DeadlineRow[] }> {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const { db } = options;
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { timeZone: true, population: true } });
  const zone = municipality.timeZone;
  const today = localDay(options.now ?? new Date(), zone);
  const sittings = await db.sitting.findMany({
    where: { municipalityId: actor.municipalityId },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      isDemo: true,
      convocationDate: true,
      listPostedAt: true,
      deliberations: { select: { id: true, number: true, subject: true, status: true, postedAt: true } },
    },
  });
  const rows: DeadlineRow[] = [];
  const held = sittings.filter((sitting) => localDay(sitting.startsAt, zone) <= today);
  const minutes = await readMinutesStates(
    db,
    actor.municipalityId,
    held.filter((sitting) => localDay(sitting.startsAt, zone) >= RULES_OF_2022_FROM).map((sitting) => sitting.id),
    zone,
  );

  for (const [index, sitting] of sittings.entries()) {
    const sittingDay = localDay(sitting.startsAt, zone);
    const base = { sitting: { id: sitting.id, startsAt: sitting.startsAt, isDemo: sitting.isDemo }, deliberation: null, href: `/admin/seances/${sitting.id}` };
    const convocation = convocationDeadline({ sittingDay, population: municipality.population, convened: sitting.convocationDate !== null, today });
    if (convocation) rows.push({ ...convocation, ...base, href: `${base.href}#convocation` });

    const examined = sitting.deliberations.filter((deliberation) => (EXAMINED as readonly string[]).includes(deliberation.status));
    // Before July 2022 the compte rendu's posting was recorded on each act.
    const posted = sitting.listPostedAt !== null || (sittingDay < RULES_OF_2022_FROM && examined.some((deliberation) => deliberation.postedAt !== null));
    const posting = listPostingDeadline({ sittingDay, posted, examinedDeliberations: examined.length, today });
    if (posting) rows.push({ ...posting, ...base });

    const state = minutes.get(sitting.id);
    if (state) {
      const next = sittings.slice(index + 1).find((later) => later.isDemo === sitting.isDemo);
      const pv = minutesDeadline({ sittingDay, nextSittingDay: next ? localDay(next.startsAt, zone) : null, minutes: state, today });
      if (pv) rows.push({ ...pv, ...base });
    }

    for (const deliberation of sitting.deliberations) {
      const act = actDeadline({ status: deliberation.status, needsTransmission: true });
      if (act) rows.push({ ...act, ...base, deliberation: { id: deliberation.id, number: deliberation.number, subject: deliberation.subject }, href: `/admin/deliberations/${deliberation.id}` });
    }
  }
  return { today, rows: sortByUrgency(rows) };
}
