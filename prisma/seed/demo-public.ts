import { addAgendaItemInTransaction } from "@/lib/agenda/add-agenda-item";
import type { Admin } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { agendaItemSchema } from "@/lib/validations/agenda";
import { parseInput } from "@/lib/validations/parse";
import { seedDemoConvocation } from "./demo-convocations";
import { DEMO_MAYOR, type DemoCouncillorName } from "./demo-council";
import type { DeliberationSeed, SittingSeed } from "./types";

// The demo council's next sitting, convened and not yet held: what the public
// side shows of a sitting before it happens (its page, its agenda, its event in
// the calendar feed /flux/seances.ics). The demo council is FICTIONAL and of the
// mandate 2014–2020, so its "next" sitting lies in that mandate too: the
// sitting of 6 February 2020, convened on 30 January (six clear days), after
// the last demo sitting of 12 December 2019. Dated in the past, it is not among
// the home page's "Prochaines séances" (those start today); it shows on
// /seances, at /seances/2020-02-06 and in the calendar, labelled fictional.
// Its agenda has an item of every kind; the deliberation item's draft stays a
// draft (its text is never public). Written through the sitting,
// deliberation, agenda and convocation cores.

type Name = DemoCouncillorName;

const HOTEL_DE_VILLE = "Salle du Conseil Municipal, Hôtel de Ville, Place de l'Hôtel de Ville, 13100 Aix-en-Provence";

export const DEMO_ANNOUNCED_SITTING: SittingSeed<Name> = {
  startsAt: "2020-02-06T18:00:00+01:00",
  kind: "ORDINARY",
  isPublic: true,
  place: HOTEL_DE_VILLE,
  convocationDate: "2020-01-30",
  convenedBy: DEMO_MAYOR,
  president: DEMO_MAYOR,
  secretary: "Sandrine VIAL",
  reconvened: false,
  listPostedAt: null,
};

/** The draft behind the agenda's deliberation item: not voted, not public. */
export const DEMO_ANNOUNCED_DRAFT: DeliberationSeed<Name> = {
  number: "DL.2020-1",
  year: 2020,
  sequence: 1,
  orderInSitting: 1,
  subject: "FINANCES - DÉBAT D'ORIENTATION BUDGÉTAIRE POUR L'EXERCICE 2020",
  reportSubject: null,
  rapporteur: DEMO_MAYOR,
  service: null,
  matterCode: "7.1",
  policyHeading: null,
  report:
    "L'article L 2312-1 du Code général des collectivités territoriales impose, dans les communes de 3 500 habitants et plus, un débat sur les orientations générales du budget dans les deux mois précédant son examen.",
  proposals: "**PRENDRE ACTE** de la tenue du débat d'orientation budgétaire pour l'exercice 2020.",
  status: "DRAFT",
  outcome: null,
  votedAt: null,
  signedAt: null,
  postedAt: null,
  transmittedAt: null,
  publishedAt: null,
  cosignatory: null,
  cosignatoryTitle: null,
  attendance: [],
  vote: null,
  prefectureReceipt: null,
};

type AgendaSeed =
  | { kind: "MINUTES_APPROVAL"; title: string; summaryNote: string | null }
  | { kind: "DELIBERATION"; title: string; summaryNote: string | null }
  | { kind: "COMMUNICATION" | "DELEGATED_DECISIONS" | "ORAL_QUESTION"; title: string; summaryNote: string | null };

export const DEMO_ANNOUNCED_AGENDA: readonly AgendaSeed[] = [
  { kind: "MINUTES_APPROVAL", title: "Approbation du procès-verbal de la séance du 12 décembre 2019", summaryNote: null },
  {
    kind: "DELIBERATION",
    title: "Finances - Débat d'orientation budgétaire pour l'exercice 2020",
    summaryNote:
      "Le rapport d'orientation budgétaire présente l'évolution prévisible des recettes et des dépenses, les engagements pluriannuels et la structure de la dette. Le débat ne donne pas lieu à un vote sur le fond : le conseil prend acte de sa tenue.",
  },
  { kind: "DELEGATED_DECISIONS", title: "Compte rendu des décisions prises par le Maire par délégation du conseil", summaryNote: null },
  { kind: "COMMUNICATION", title: "Communication du Maire sur le rapport annuel du délégataire de l'eau potable", summaryNote: null },
  { kind: "ORAL_QUESTION", title: "Question orale du groupe « Agir pour demain » sur le stationnement en centre-ville", summaryNote: null },
];

type Writers = {
  createSitting: (sitting: SittingSeed<Name>) => Promise<{ id: string }>;
  createDeliberation: (sittingId: string, deliberation: DeliberationSeed<Name>) => Promise<string>;
};

/** Writes the announced demo sitting, its draft and its agenda; `previousSittingId` is the sitting whose PV its first item approves. */
export async function seedDemoAnnouncedSitting(tx: Tx, actor: Admin, previousSittingId: string, writers: Writers): Promise<{ sittingId: string }> {
  const { id: sittingId } = await writers.createSitting(DEMO_ANNOUNCED_SITTING);
  const draftId = await writers.createDeliberation(sittingId, DEMO_ANNOUNCED_DRAFT);
  for (const item of DEMO_ANNOUNCED_AGENDA) {
    await addAgendaItemInTransaction(tx, actor, {
      sittingId,
      item: parseInput(agendaItemSchema, {
        kind: item.kind,
        title: item.title,
        summaryNote: item.summaryNote ?? "",
        deliberationId: item.kind === "DELIBERATION" ? draftId : "",
        minutesSittingId: item.kind === "MINUTES_APPROVAL" ? previousSittingId : "",
        matterCode: "",
      }),
    });
  }
  // Sent on paper to the fictional council on the day the sitting records (demo-convocations.ts).
  await seedDemoConvocation(tx, actor, { sittingId, sentDay: DEMO_ANNOUNCED_SITTING.convocationDate });
  return { sittingId };
}
