import "server-only";
import { councillorRefSelect, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { statedAttendanceSchema } from "@/lib/deliberations/deliberation-record";
import { publicSittingWhere, publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { sittingPresenceSql } from "./attendance-sql";

export type SittingPresence = "PRESENT" | "REPRESENTED" | "EXCUSED" | "ABSENT";
type DeliberationRef = { number: string; subject: string; isDemo: boolean; sittingStartsAt: Date };

export type CouncillorRecord = CouncillorRef & {
  isDemo: boolean;
  mandateStart: Date;
  mandateEnd: Date | null;
  sittings: { id: string; slug: string | null; startsAt: Date; presence: SittingPresence }[];
  attendanceRate: number | null;
  proxiesGiven: (DeliberationRef & { holder: CouncillorRef | null })[];
  proxiesHeld: (DeliberationRef & { giver: CouncillorRef })[];
  reported: DeliberationRef[];
  votesAgainst: DeliberationRef[];
  abstentions: DeliberationRef[];
};

const deliberationRefSelect = { number: true, subject: true, isDemo: true, sitting: { select: { startsAt: true } } } as const;
const toRef = (deliberation: { number: string; subject: string; isDemo: boolean; sitting: { startsAt: Date } }): DeliberationRef => ({
  number: deliberation.number,
  subject: deliberation.subject,
  isDemo: deliberation.isDemo,
  sittingStartsAt: deliberation.sitting.startsAt,
});
// Newest sitting first, then the later items of a sitting first; the last key makes the order total, so
// that a page lists the same rows alike on any copy of the database (a restored portal, a replica).
const newestFirst = [
  { deliberation: { sitting: { startsAt: "desc" as const } } },
  { deliberation: { orderInSitting: "desc" as const } },
  { deliberation: { version: "desc" as const } },
  { councillorId: "asc" as const },
];

/** A councillor's record: presence at each sitting of the mandate, proxies, reports, votes against and abstentions (public ballots). */
export async function getCouncillorRecord({ municipalityId, id, db = getPrisma() }: { municipalityId: string; id: string; db?: Db }): Promise<CouncillorRecord | null> {
  const councillor = await db.councillor.findFirst({
    where: { municipalityId, id },
    select: { ...councillorRefSelect, isDemo: true, mandateStart: true, mandateEnd: true },
  });
  if (!councillor) return null;
  const published = publishedDeliberationWhere(municipalityId);
  const [presence, openings, given, held, reported, choices] = await Promise.all([
    db.$queryRaw<{ sitting_id: string; starts_at: Date; present: boolean; represented: boolean; excused: boolean }[]>(Prisma.sql`
      WITH ${sittingPresenceSql(municipalityId)}
      SELECT m."sitting_id", m."starts_at", m."present", m."represented", m."excused" FROM mandate_sittings m
      WHERE m."councillor_id" = ${id}::uuid ORDER BY m."starts_at" DESC`),
    db.sitting.findMany({ where: publicSittingWhere(municipalityId), select: { id: true, publicSlug: true } }),
    db.attendance.findMany({
      where: { municipalityId, councillorId: id, status: "REPRESENTED", deliberation: published },
      select: { deliberationId: true, deliberation: { select: deliberationRefSelect } },
      orderBy: newestFirst,
    }),
    db.attendance.findMany({
      where: { municipalityId, proxyHolderId: id, deliberation: published },
      select: { deliberationId: true, councillorId: true, deliberation: { select: deliberationRefSelect } },
      orderBy: newestFirst,
    }),
    db.deliberation.findMany({
      where: { ...published, rapporteurId: id },
      select: deliberationRefSelect,
      orderBy: [{ sitting: { startsAt: "desc" } }, { orderInSitting: "desc" }, { version: "desc" }],
    }),
    db.voteRecord.findMany({
      where: { municipalityId, councillorId: id, choice: { in: ["AGAINST", "ABSTENTION"] }, vote: { secret: false, deliberation: published } },
      select: { choice: true, vote: { select: { deliberation: { select: deliberationRefSelect } } } },
      orderBy: [
        { vote: { deliberation: { sitting: { startsAt: "desc" } } } },
        { vote: { deliberation: { orderInSitting: "desc" } } },
        { vote: { deliberation: { version: "desc" } } },
      ],
    }),
  ]);
  const proxies = await statedProxies(db, id, [...given, ...held].map((entry) => entry.deliberationId));
  const slugs = new Map(openings.map((sitting) => [sitting.id, sitting.publicSlug]));
  const sittings = presence.map((row) => ({
    id: row.sitting_id,
    slug: slugs.get(row.sitting_id) ?? null,
    startsAt: row.starts_at,
    presence: (row.present ? "PRESENT" : row.represented ? "REPRESENTED" : row.excused ? "EXCUSED" : "ABSENT") as SittingPresence,
  }));
  const presentCount = sittings.filter((sitting) => sitting.presence === "PRESENT").length;
  return {
    ...councillor,
    sittings,
    attendanceRate: sittings.length ? presentCount / sittings.length : null,
    proxiesGiven: given.map((entry) => ({
      ...toRef(entry.deliberation),
      holder: proxies.find((proxy) => proxy.deliberationId === entry.deliberationId && proxy.giver.id === id)?.holder ?? null,
    })),
    proxiesHeld: held.flatMap((entry) => {
      const proxy = proxies.find((candidate) => candidate.deliberationId === entry.deliberationId && candidate.giver.id === entry.councillorId);
      return proxy ? [{ ...toRef(entry.deliberation), giver: proxy.giver }] : [];
    }),
    reported: reported.map(toRef),
    votesAgainst: choices.filter((record) => record.choice === "AGAINST").map((record) => toRef(record.vote.deliberation)),
    abstentions: choices.filter((record) => record.choice === "ABSTENTION").map((record) => toRef(record.vote.deliberation)),
  };
}

/**
 * The proxies given or held by a councillor in published acts, with the other
 * party named as each act names them (frozen at its publication): the page
 * names the councillor as today, the acts it lists as they state.
 */
async function statedProxies(db: Db, councillorId: string, deliberationIds: string[]) {
  if (deliberationIds.length === 0) return [];
  const rows = await db.$queryRaw<{ deliberation_id: string; entry: unknown }[]>(Prisma.sql`
    SELECT s."deliberation_id", e."entry"
    FROM "deliberation_snapshot" s, jsonb_array_elements(s."record" -> 'attendances') AS e("entry")
    WHERE s."deliberation_id" = ANY(${deliberationIds}::uuid[]) AND e."entry" ->> 'status' = 'REPRESENTED'
      AND (e."entry" -> 'councillor' ->> 'id' = ${councillorId} OR e."entry" -> 'proxyHolder' ->> 'id' = ${councillorId})`);
  return rows.flatMap((row) => {
    const [entry] = statedAttendanceSchema.parse([row.entry]);
    return entry?.proxyHolder ? [{ deliberationId: row.deliberation_id, giver: entry.councillor, holder: entry.proxyHolder }] : [];
  });
}
