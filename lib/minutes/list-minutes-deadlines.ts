import "server-only";
import type { Db } from "@/lib/db/prisma";
import { dateColumn, isoDay, localDay, MINUTES_REFORM_DAY, minutesDeadline, type MinutesDeadline } from "@/lib/domain";

// What the PVs still owe the law, for the back office's deadlines: each held
// sitting since 1 July 2022 whose PV is not published yet, with its next step
// (submit to the next sitting, adopt there, publish within the week after
// adoption), its legal date and whether it is overdue. The rules are
// lib/domain's minutesDeadline; this reads the facts they need.

export type MinutesDeadlineRow = MinutesDeadline & { sittingId: string; sittingDay: string; href: string };

export async function listMinutesDeadlines({ db, municipalityId, now = new Date() }: { db: Db; municipalityId: string; now?: Date }): Promise<MinutesDeadlineRow[]> {
  const { timeZone: zone } = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } });
  const today = localDay(now, zone);
  const sittings = await db.sitting.findMany({
    where: { municipalityId, startsAt: { gte: dateColumn(MINUTES_REFORM_DAY), lte: now } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      minutes: {
        orderBy: { version: "desc" },
        take: 1,
        select: { status: true, adoptedAt: true, publishedAt: true, approvingSitting: { select: { startsAt: true } } },
      },
    },
  });
  const allSittings = await db.sitting.findMany({ where: { municipalityId, startsAt: { gte: dateColumn(MINUTES_REFORM_DAY) } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } });
  const rows: MinutesDeadlineRow[] = [];
  for (const sitting of sittings) {
    const sittingDay = localDay(sitting.startsAt, zone);
    if (sittingDay > today) continue;
    const latest = sitting.minutes[0];
    const next = allSittings.find((other) => other.startsAt > sitting.startsAt);
    const approving = latest?.approvingSitting ?? next ?? null;
    const deadline = minutesDeadline(
      {
        status: latest?.status ?? "DRAFT",
        sittingDay,
        approvingSittingDay: approving ? localDay(approving.startsAt, zone) : null,
        adoptedOn: latest?.adoptedAt ? isoDay(latest.adoptedAt) : null,
        publishedOn: latest?.publishedAt ? localDay(latest.publishedAt, zone) : null,
      },
      today,
    );
    if (deadline) rows.push({ ...deadline, sittingId: sitting.id, sittingDay, href: `/admin/seances/${sitting.id}/proces-verbal` });
  }
  // Overdue first, then the nearest legal date; those without a date last.
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.sittingDay.localeCompare(b.sittingDay));
}
