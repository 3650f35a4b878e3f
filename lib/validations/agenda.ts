import { z } from "@/lib/validations/zod";
import { parseMatterCode } from "@/lib/domain/nomenclature";
import { isoDateSchema } from "./common";

// The agenda's and the convocation's forms, shared by the browser and the server.

export const AGENDA_ITEM_KINDS = ["DELIBERATION", "MINUTES_APPROVAL", "COMMUNICATION", "DELEGATED_DECISIONS", "ORAL_QUESTION"] as const;
export type AgendaItemKindValue = (typeof AGENDA_ITEM_KINDS)[number];

export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKindValue, string> = {
  DELIBERATION: "Projet de délibération",
  MINUTES_APPROVAL: "Approbation d'un procès-verbal",
  COMMUNICATION: "Communication (sans vote)",
  DELEGATED_DECISIONS: "Compte rendu des décisions prises par délégation (L2122-23)",
  ORAL_QUESTION: "Question orale",
};

export const AGENDA_ITEM_KIND_OPTIONS = AGENDA_ITEM_KINDS.map((value) => ({ value, label: AGENDA_ITEM_KIND_LABELS[value] }));

const title = z.string().trim().min(1, "Saisissez l'intitulé du point.").max(500, "L'intitulé est trop long (500 caractères au plus).");
const summaryNote = z.string().trim().max(50_000, "La note de synthèse est trop longue (50 000 caractères au plus).");
const optionalId = z.union([z.literal(""), z.string().uuid("Choisissez dans la liste.")]);

/**
 * A new item. A deliberation item names an existing draft of the sitting, or gives a matter code
 * and a draft is created for it; a PV approval names the earlier sitting whose PV it approves.
 */
export const agendaItemSchema = z
  .object({
    kind: z.enum(AGENDA_ITEM_KINDS, { error: "Choisissez la nature du point." }),
    title,
    summaryNote,
    deliberationId: optionalId,
    matterCode: z.string().trim(),
    minutesSittingId: optionalId,
  })
  .superRefine((item, context) => {
    if (item.kind === "DELIBERATION" && !item.deliberationId) {
      const parsed = parseMatterCode(item.matterCode);
      if (!parsed.ok) context.addIssue({ code: "custom", path: ["matterCode"], message: `${parsed.reason} Choisissez la matière du projet, ou un projet déjà saisi.` });
    }
    if (item.kind === "MINUTES_APPROVAL" && !item.minutesSittingId) {
      context.addIssue({ code: "custom", path: ["minutesSittingId"], message: "Choisissez la séance dont le procès-verbal est approuvé." });
    }
  });
export type AgendaItemInput = z.input<typeof agendaItemSchema>;
export type AgendaItemData = z.output<typeof agendaItemSchema>;

export const EMPTY_AGENDA_ITEM: AgendaItemInput = { kind: "DELIBERATION", title: "", summaryNote: "", deliberationId: "", matterCode: "", minutesSittingId: "" };

/** Editing an item: its wording and its note (its kind and what it names stay). */
export const agendaItemEditSchema = z.object({ title, summaryNote });
export type AgendaItemEditInput = z.input<typeof agendaItemEditSchema>;

export const agendaMoveSchema = z.object({ direction: z.enum(["up", "down"]) });

/**
 * Recording the convocation's sending. Without SMTP, the clerk gives the day and hour it was sent
 * (manual); with SMTP, the portal sends now. An urgency needs its reason.
 */
export const convocationSendingSchema = z
  .object({
    mode: z.enum(["manual", "smtp"]),
    sentDate: z.union([z.literal(""), isoDateSchema("la date d'envoi")]),
    sentTime: z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Saisissez l'heure d'envoi, par exemple 09:30.")]),
    urgent: z.boolean(),
    urgencyReason: z.string().trim().max(2000, "Le motif de l'urgence est trop long (2 000 caractères au plus)."),
  })
  .superRefine((sending, context) => {
    if (sending.mode === "manual" && !sending.sentDate) context.addIssue({ code: "custom", path: ["sentDate"], message: "Saisissez la date d'envoi de la convocation." });
    if (sending.mode === "manual" && !sending.sentTime) context.addIssue({ code: "custom", path: ["sentTime"], message: "Saisissez l'heure d'envoi de la convocation." });
    if (sending.urgent && !sending.urgencyReason) {
      context.addIssue({ code: "custom", path: ["urgencyReason"], message: "Donnez le motif de l'urgence : le maire en rend compte à l'ouverture de la séance." });
    }
  });
export type ConvocationSendingInput = z.input<typeof convocationSendingSchema>;
export type ConvocationSendingData = z.output<typeof convocationSendingSchema>;
