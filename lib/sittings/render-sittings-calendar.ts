import "server-only";
import { getPrisma, type Db, type SittingKind } from "@/lib/db/prisma";
import { assertNever } from "@/lib/domain/assert-never";
import { formatDateFr, formatTimeFr } from "@/lib/domain";
import { renderCalendar, type CalendarEvent } from "@/lib/domain/icalendar";
import { visibleSittingWhere } from "./convened";
import { announcedSittingSelect } from "./get-announced-sitting";
import { AGENDA_ITEM_KIND_LABELS, listPublicAgendas, type PublicAgendaItem } from "./public-agenda";
import { requireKnown } from "@/lib/publication/known-facts";

// The council's public sittings as an iCalendar (RFC 5545): the feed of every
// public sitting and the file of one. The event's UID is the sitting's id, so a
// moved or cancelled sitting updates the same event, and the database bumps its
// SEQUENCE (sitting.calendar_sequence) on every change the event shows.

/** A sitting's length is not recorded: the calendar shows three hours. */
export const SITTING_DURATION_MINUTES = 180;
const DEMO_PREFIX = "[Démonstration, fictif] ";

type Municipality = { id: string; name: string; timeZone: string };

export function sittingEventUid(sittingId: string): string {
  return `seance-${sittingId}@registre-deliberations`;
}

function sessionOf(kind: SittingKind): string {
  switch (kind) {
    case "ORDINARY":
      return "session ordinaire";
    case "EXTRAORDINARY":
      return "session extraordinaire";
    default:
      return assertNever(kind);
  }
}

function agendaLine(item: PublicAgendaItem): string {
  const kind = item.kind === "DELIBERATION" ? "" : ` (${AGENDA_ITEM_KIND_LABELS[item.kind].toLowerCase()})`;
  return `${item.position}. ${item.title}${kind}${item.deliberationNumber ? ` : délibération ${item.deliberationNumber}` : ""}`;
}

async function sittingEvents(db: Db, municipality: Municipality, baseUrl: string, sittingId?: string): Promise<CalendarEvent[]> {
  const rows = await db.sitting.findMany({
    // An archived sitting is history its archive tells, often without hour or place: not a calendar event.
    where: { ...visibleSittingWhere(municipality.id), archiveImportId: null, ...(sittingId ? { id: sittingId } : {}) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: announcedSittingSelect,
  });
  const agendas = await listPublicAgendas(db, municipality.id, rows.map((row) => row.id));
  const zone = municipality.timeZone;
  return rows.map((row) => {
    const sitting = requireKnown(row, ["place"]);
    const url = `${baseUrl}/seances/${sitting.publicSlug}`;
    const agenda = agendas.get(sitting.id) ?? [];
    const description = [
      sitting.isDemo ? "Donnée de démonstration, fictive." : "",
      sitting.cancelledAt ? `Séance annulée : ${sitting.cancellationReason ?? ""}` : "",
      `Séance du conseil municipal de ${municipality.name}, ${formatDateFr(sitting.startsAt, zone)} à ${formatTimeFr(sitting.startsAt, zone)}, ${sitting.isPublic ? "publique" : "à huis clos"}.`,
      agenda.length ? ["Ordre du jour :", ...agenda.map(agendaLine)].join("\n") : "",
      url,
    ].filter(Boolean);
    return {
      uid: sittingEventUid(sitting.id),
      sequence: sitting.calendarSequence,
      changedAt: sitting.updatedAt,
      start: sitting.startsAt,
      durationMinutes: SITTING_DURATION_MINUTES,
      summary: `${sitting.isDemo ? DEMO_PREFIX : ""}${sitting.cancelledAt ? "Annulée : " : ""}Conseil municipal, ${sessionOf(sitting.kind)}`,
      location: sitting.place,
      description: description.join("\n\n"),
      url,
      status: sitting.cancelledAt ? "CANCELLED" : "CONFIRMED",
    } satisfies CalendarEvent;
  });
}

/** Every public sitting (convened, held, cancelled) of the municipality: /flux/seances.ics. */
export async function renderSittingsCalendar({ municipality, baseUrl, db = getPrisma() }: { municipality: Municipality; baseUrl: string; db?: Db }): Promise<string> {
  return renderCalendar({
    productId: "-//Registre des délibérations//Séances du conseil municipal//FR",
    name: `Séances du conseil municipal : ${municipality.name}`,
    zone: municipality.timeZone,
    events: await sittingEvents(db, municipality, baseUrl),
  });
}

/** One public sitting, by its id: /seances/<date>/seance.ics. Null when it is not public. */
export async function renderSittingCalendar({
  municipality,
  sittingId,
  baseUrl,
  db = getPrisma(),
}: {
  municipality: Municipality;
  sittingId: string;
  baseUrl: string;
  db?: Db;
}): Promise<string | null> {
  const events = await sittingEvents(db, municipality, baseUrl, sittingId);
  if (events.length === 0) return null;
  return renderCalendar({
    productId: "-//Registre des délibérations//Séances du conseil municipal//FR",
    name: `Séance du conseil municipal : ${municipality.name}`,
    zone: municipality.timeZone,
    events,
  });
}
