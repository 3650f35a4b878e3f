import "server-only";
import { getPrisma, type Db, type SittingKind } from "@/lib/db/prisma";
import { councillorRefSelect, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { listPublicAgendas, type PublicAgendaItem } from "./public-agenda";
import { parseSittingSlug } from "./sitting-slug";

/** A sitting convened and not yet held (or held, its acts not yet published): what its convocation makes public. */
export type AnnouncedSitting = {
  id: string;
  slug: string;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  isDemo: boolean;
  place: string | null;
  /** Null only for a sitting public by a published act before convocations were recorded (never in practice: a voted act needs one). */
  convocationDate: Date | null;
  /** Null only for an archived sitting whose archive does not name who convened it. */
  convenedBy: CouncillorRef | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  calendarSequence: number;
  updatedAt: Date;
  agenda: PublicAgendaItem[];
  /** The municipality's time zone: the clock its hours are read on. */
  zone: string;
};

export const announcedSittingSelect = {
  id: true,
  publicSlug: true,
  startsAt: true,
  kind: true,
  isPublic: true,
  isDemo: true,
  place: true,
  convocationDate: true,
  cancelledAt: true,
  cancellationReason: true,
  calendarSequence: true,
  updatedAt: true,
  convenedBy: { select: councillorRefSelect },
} as const;

/** A public sitting by its address, whether held or not: the facts of its convocation and its agenda. */
export async function getAnnouncedSitting({
  municipalityId,
  date,
  db = getPrisma(),
}: {
  municipalityId: string;
  date: string;
  db?: Db;
}): Promise<AnnouncedSitting | null> {
  if (!parseSittingSlug(date)) return null;
  const row = await db.sitting.findFirst({ where: { municipalityId, publicSlug: date }, select: announcedSittingSelect });
  if (!row) return null;
  const [agendas, zone] = await Promise.all([listPublicAgendas(db, municipalityId, [row.id]), timeZoneOf(db, municipalityId)]);
  const { publicSlug, ...sitting } = row;
  return { ...sitting, slug: publicSlug ?? date, agenda: agendas.get(row.id) ?? [], zone };
}
