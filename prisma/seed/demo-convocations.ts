import type { Admin } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { addAgendaItemInTransaction } from "@/lib/agenda/add-agenda-item";
import { recordConvocationSendingsInTransaction } from "@/lib/convocations/send-convocation";
import { DEFAULT_TIME_ZONE, instantAt, localDateAndTime, localDay } from "@/lib/domain/calendar";
import { formatDateFr } from "@/lib/domain/format";
import { createSittingInTransaction } from "@/lib/sittings/create-sitting";
import { agendaItemSchema } from "@/lib/validations/agenda";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { DEMO_MAYOR } from "./demo-council";

// The demo council's convocations and agendas (fictional council, 2014–2020
// mandate), written through the agenda's and the convocation's cores. Each
// demo sitting opens with the approval of the previous sitting's PV, the
// mayor's decisions by delegation and a communication; its deliberations
// follow, each with a summary note; its convocation was sent on paper (the
// rule before 2022) on the day its archive records, at 9:00. One more demo
// sitting, on 13 February 2020, is convened in urgency and not held in the
// records: its agenda lists items of every kind, including an oral question,
// with drafts. The demo council's mandate ended in 2020, so no demo sitting
// can lie ahead of today: this one is "upcoming" in the demo's own time.
// The real councillors are never named here.

type CouncillorIds = (name: string) => string;

const item = (input: Record<string, string>) => parseInput(agendaItemSchema, { summaryNote: "", deliberationId: "", matterCode: "", minutesSittingId: "", ...input });

/** The items that open a demo sitting's agenda, before its deliberations. */
export async function seedDemoAgendaOpening(tx: Tx, actor: Admin, sitting: { id: string; previous: { id: string; startsAt: Date } | null }): Promise<void> {
  if (sitting.previous) {
    await addAgendaItemInTransaction(tx, actor, {
      sittingId: sitting.id,
      item: item({ kind: "MINUTES_APPROVAL", title: `Approbation du procès-verbal de la séance du ${formatDateFr(sitting.previous.startsAt, DEFAULT_TIME_ZONE)}`, minutesSittingId: sitting.previous.id }),
    });
  }
  await addAgendaItemInTransaction(tx, actor, {
    sittingId: sitting.id,
    item: item({
      kind: "DELEGATED_DECISIONS",
      title: "Compte rendu des décisions prises par le maire par délégation du conseil municipal (article L2122-23 du CGCT)",
      summaryNote: "Liste des décisions prises depuis la dernière séance : marchés à procédure adaptée, concessions funéraires, louage de choses pour moins de douze ans.",
    }),
  });
  await addAgendaItemInTransaction(tx, actor, { sittingId: sitting.id, item: item({ kind: "COMMUNICATION", title: "Communication du maire sur les travaux en cours dans les écoles" }) });
}

/** A demo deliberation's draft on the agenda, with its summary note (the report's opening, shortened). */
export async function seedDemoAgendaDeliberation(tx: Tx, actor: Admin, input: { sittingId: string; deliberationId: string; subject: string; report: string }): Promise<void> {
  const opening = input.report.split(/\n\s*\n/)[0]!.replace(/[#*]/g, "").trim();
  const summaryNote = opening.length > 600 ? `${opening.slice(0, 597)}…` : opening;
  await addAgendaItemInTransaction(tx, actor, { sittingId: input.sittingId, item: item({ kind: "DELIBERATION", title: input.subject, deliberationId: input.deliberationId, summaryNote }) });
}

/** The convocation of a demo sitting, sent on paper to every demo councillor in office at 9:00 on `sentDay`. */
export async function seedDemoConvocation(tx: Tx, actor: Admin, input: { sittingId: string; sentDay: string; urgencyReason?: string }): Promise<number> {
  const sitting = await tx.sitting.findUniqueOrThrow({ where: { id: input.sittingId }, select: { startsAt: true } });
  const day = new Date(`${localDay(sitting.startsAt, DEFAULT_TIME_ZONE)}T00:00:00Z`);
  const councillors = await tx.councillor.findMany({
    where: { municipalityId: actor.municipalityId, isDemo: true, mandateStart: { lte: day }, OR: [{ mandateEnd: null }, { mandateEnd: { gte: day } }] },
    select: { id: true },
  });
  const sentAt = instantAt(input.sentDay, "09:00", DEFAULT_TIME_ZONE);
  const { sendings } = await recordConvocationSendingsInTransaction(tx, actor, {
    sittingId: input.sittingId,
    urgency: input.urgencyReason ? { urgent: true, urgencyReason: input.urgencyReason } : { urgent: false, urgencyReason: null },
    extractSha256: null,
    mode: "manual",
    rows: councillors.map((councillor) => ({ councillorId: councillor.id, channel: "PAPER" as const, sentAt, emailAddress: null, messageId: null })),
  });
  return sendings;
}

/** The demo sitting of 13 February 2020, convened in urgency on the 11th, its agenda of every kind; not held in the records. */
export async function seedDemoConvenedSitting(tx: Tx, actor: Admin, idOf: CouncillorIds, previous: { id: string; startsAt: Date } | null): Promise<{ id: string }> {
  const startsAt = instantAt("2020-02-13", "18:00", DEFAULT_TIME_ZONE);
  const { date, time } = localDateAndTime(startsAt, DEFAULT_TIME_ZONE);
  const sitting = await createSittingInTransaction(tx, actor, {
    sitting: parseInput(sittingSchema, {
      date,
      time,
      place: "Salle du conseil municipal, Hôtel de Ville, place de l'Hôtel de Ville",
      kind: "EXTRAORDINARY",
      isPublic: true,
      convocationDate: "",
      convenedById: idOf(DEMO_MAYOR),
      presidentId: idOf(DEMO_MAYOR),
      secretaryId: idOf("Hélène CASTEL"),
      reconvened: false,
      membersInOffice: "",
      listPostedAt: "",
    }),
  });
  await tx.sitting.update({ where: { id: sitting.id }, data: { isDemo: true } });
  await seedDemoAgendaOpening(tx, actor, { id: sitting.id, previous });
  await addAgendaItemInTransaction(tx, actor, {
    sittingId: sitting.id,
    item: item({
      kind: "DELIBERATION",
      title: "Travaux d'urgence au groupe scolaire des Platanes : autorisation de programme et demande de subvention",
      matterCode: "7.1",
      summaryNote: "La toiture du groupe scolaire des Platanes a été endommagée par la tempête du 9 février. Le projet ouvre une autorisation de programme de 480 000 € et sollicite l'aide de l'État au titre de la dotation de soutien à l'investissement local.",
    }),
  });
  await addAgendaItemInTransaction(tx, actor, {
    sittingId: sitting.id,
    item: item({
      kind: "DELIBERATION",
      title: "Relogement provisoire des classes : convention d'occupation de la salle polyvalente",
      matterCode: "3.3",
      summaryNote: "Le temps des travaux, six classes sont accueillies dans la salle polyvalente du quartier ; la convention fixe la durée et les conditions d'occupation.",
    }),
  });
  await addAgendaItemInTransaction(tx, actor, { sittingId: sitting.id, item: item({ kind: "ORAL_QUESTION", title: "Question orale sur la sécurité des bâtiments scolaires après la tempête" }) });
  await seedDemoConvocation(tx, actor, { sittingId: sitting.id, sentDay: "2020-02-11", urgencyReason: "Tempête du 9 février : la toiture du groupe scolaire des Platanes doit être réparée avant le retour des élèves." });
  return sitting;
}
