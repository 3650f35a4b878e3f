import { z } from "@/lib/validations/zod";
import { optionalText, uuidSchema } from "./common";

// The procès-verbal's forms: the clerk's texts (Markdown), the sitting it is
// submitted to, the adoption vote, a correction's reason.

const MAX_TEXT = 100_000;
const text = (label: string) => optionalText(MAX_TEXT, label).transform((value) => (value === "" ? null : value));

export const minutesTextsSchema = z.object({
  openingDiscussion: text("Le compte rendu de l'ouverture"),
  ballotRequests: text("Les demandes de scrutin"),
  urgencyRuling: text("La décision sur l'urgence"),
  /** "agenda:<id>" or "deliberation:<number>" → Markdown. */
  itemDiscussions: z.record(z.string().regex(/^(agenda|deliberation):\S+$/, "Point de l'ordre du jour inconnu."), optionalText(MAX_TEXT, "Le compte rendu des débats")),
});

export const submitMinutesSchema = z.object({
  approvingSittingId: uuidSchema("Choisissez la séance à laquelle le procès-verbal est soumis."),
});

const votes = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `Saisissez le nombre de voix ${label}, un nombre entier (0 s'il n'y en a pas).`)
    .transform(Number);

export const adoptMinutesSchema = z.object({
  votesFor: votes("pour"),
  votesAgainst: votes("contre"),
  abstentions: votes("d'abstention"),
  observations: text("Les observations"),
});

export const correctMinutesSchema = z.object({
  reason: z.string().trim().min(1, "Dites ce que corrige la nouvelle version.").max(2_000, "La raison est trop longue (2 000 caractères au plus)."),
});
