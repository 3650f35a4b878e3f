import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { localYear } from "@/lib/domain/calendar";
import { nextDeliberationNumber, parseDeliberationNumber } from "@/lib/domain/numbering";
import { createDeliberationInTransaction } from "@/lib/deliberations/create-deliberation";
import { AppError } from "@/lib/errors";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { agendaItemSchema, type AgendaItemData } from "@/lib/validations/agenda";
import { parseInput } from "@/lib/validations/parse";
import { agendaItemSnapshot, AGENDA_ITEM_SELECT, editableSitting } from "./agenda-fields";

/** The wording of a draft created from the agenda, until the clerk writes the report. */
export const DRAFT_REPORT_PLACEHOLDER = "Rapport à rédiger.";
export const DRAFT_PROPOSALS_PLACEHOLDER = "Propositions à rédiger.";

/**
 * Adds an item at the end of a sitting's agenda. A deliberation item links a draft of the sitting
 * not yet on the agenda, or creates one (next number of the year, the item's title as subject, the
 * summary note as the report's first text) through the deliberations' own core.
 */
export async function addAgendaItem(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; deliberationId: string | null }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(agendaItemSchema, options.input);
  return options.db.$transaction((tx) => addAgendaItemInTransaction(tx, actor, { sittingId: options.sittingId, item: input }));
}

/** The core of `addAgendaItem`, inside the caller's transaction. */
export async function addAgendaItemInTransaction(tx: Tx, actor: Editor, { sittingId, item }: { sittingId: string; item: AgendaItemData }): Promise<{ id: string; deliberationId: string | null }> {
  // A draft of the sitting written after one of its acts was published (acts recorded one by one) still joins its item.
  const sitting = await editableSitting(tx, actor.municipalityId, sittingId, { evenPublished: item.kind === "DELIBERATION" && Boolean(item.deliberationId) });
  const last = await tx.agendaItem.aggregate({ where: { sittingId: sitting.id }, _max: { position: true } });
  const position = (last._max.position ?? 0) + 1;
  const summaryNote = item.summaryNote || null;
  let deliberationId: string | null = null;
  let minutesSittingId: string | null = null;
  switch (item.kind) {
    case "DELIBERATION":
      deliberationId = item.deliberationId ? await linkableDraft(tx, actor.municipalityId, sitting.id, item.deliberationId) : await createDraft(tx, actor, sitting, item, position);
      break;
    case "MINUTES_APPROVAL":
      minutesSittingId = await earlierSitting(tx, actor.municipalityId, sitting, item.minutesSittingId);
      break;
    case "COMMUNICATION":
    case "DELEGATED_DECISIONS":
    case "ORAL_QUESTION":
      break;
  }
  const created = await tx.agendaItem.create({
    data: { municipalityId: actor.municipalityId, sittingId: sitting.id, position, kind: item.kind, title: item.title, summaryNote, deliberationId, minutesSittingId },
    select: AGENDA_ITEM_SELECT,
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "agenda_item.create",
    entity: "agenda_item",
    entityId: created.id,
    after: { sittingId: sitting.id, ...agendaItemSnapshot(created) },
  });
  return { id: created.id, deliberationId };
}

async function linkableDraft(tx: Tx, municipalityId: string, sittingId: string, deliberationId: string): Promise<string> {
  const draft = await tx.deliberation.findFirst({ where: { id: deliberationId, municipalityId, sittingId }, select: { id: true, agendaItem: { select: { id: true } } } });
  if (!draft) throw new AppError("VALIDATION", "Ce projet n'est pas une délibération de la séance.", { deliberationId: ["Choisissez un projet de cette séance."] });
  if (draft.agendaItem) throw new AppError("CONFLICT", "Ce projet figure déjà à l'ordre du jour.", { deliberationId: ["Ce projet figure déjà à l'ordre du jour."] });
  return draft.id;
}

async function createDraft(tx: Tx, actor: Editor, sitting: { id: string; startsAt: Date }, item: AgendaItemData, position: number): Promise<string> {
  const year = localYear(sitting.startsAt, await timeZoneOf(tx, actor.municipalityId));
  const numbers = await tx.deliberation.findMany({ where: { municipalityId: actor.municipalityId, year }, select: { number: true } });
  const number = nextDeliberationNumber(year, numbers.map((row) => row.number));
  const { id } = await createDeliberationInTransaction(tx, actor, {
    sittingId: sitting.id,
    deliberation: {
      number,
      year,
      sequence: parseDeliberationNumber(number)!.sequence,
      orderInSitting: position,
      subject: item.title,
      reportSubject: null,
      rapporteurId: null,
      service: null,
      matterCode: item.matterCode,
      policyHeading: null,
      report: item.summaryNote || DRAFT_REPORT_PLACEHOLDER,
      proposals: DRAFT_PROPOSALS_PLACEHOLDER,
      cosignatoryId: null,
      cosignatoryTitle: null,
    },
  });
  return id;
}

async function earlierSitting(tx: Tx, municipalityId: string, sitting: { id: string; startsAt: Date; isDemo: boolean }, minutesSittingId: string): Promise<string> {
  const earlier = await tx.sitting.findFirst({ where: { id: minutesSittingId, municipalityId, isDemo: sitting.isDemo, startsAt: { lt: sitting.startsAt } }, select: { id: true } });
  if (!earlier) throw new AppError("VALIDATION", "Le procès-verbal approuvé est celui d'une séance antérieure.", { minutesSittingId: ["Choisissez une séance antérieure à celle-ci."] });
  return earlier.id;
}
