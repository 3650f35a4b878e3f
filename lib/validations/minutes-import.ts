import { parseActesId } from "@/lib/domain/actes";
import { parseCount } from "@/lib/domain/vote-form";
import { z } from "@/lib/validations/zod";
import { isoDateSchema, optionalText } from "./common";
import { attendanceEntrySchema } from "./deliberation";

// The proposal read from old minutes or extracts, as the clerk sends it back
// from the back office once reviewed: every name now a councillor of the
// municipality (ids), every act with the identifier the archive gives it and
// its outcome. What the document does not say stays empty (null): the form
// never asks to invent it. The rules of attendance (proxies, holders present,
// one proxy per holder outside the derogation windows), the tally's
// arithmetic and the ACTES identifier's agreement with the municipality are
// the archive writer's, the same as for manual entry.

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A figure the document may not give: a whole number, or empty (null). */
const optionalFigure = (label: string) =>
  z.union([z.number(), z.string(), z.null()]).transform((value, context) => {
    if (value === null || (typeof value === "string" && value.trim() === "")) return null;
    const figure = typeof value === "number" ? (Number.isInteger(value) && value >= 0 && value <= 999 ? value : null) : parseCount(value);
    if (figure === null) {
      context.addIssue({ code: "custom", message: `${label} : saisissez un nombre entier, ou laissez vide si le document ne le dit pas.` });
      return z.NEVER;
    }
    return figure;
  });

const optionalCouncillorId = z.union([z.literal(""), z.null(), z.string().uuid("Choisissez un élu dans la liste.")]).transform((value) => value || null);

export const reviewedDeliberationSchema = z
  .object({
    number: z
      .string()
      .trim()
      .min(1, "Saisissez l'identifiant de l'acte tel que l'archive l'écrit (par exemple 2011-02-001) : le document n'en donne pas.")
      .max(60, "L'identifiant de l'acte est trop long (60 caractères au plus)."),
    subject: z.string().trim().min(1, "Saisissez l'objet de la délibération.").max(2000, "L'objet est trop long (2 000 caractères au plus)."),
    /** Its number in the sitting, when the document numbers the items. */
    item: optionalFigure("Le rang dans la séance"),
    outcome: z.enum(["ADOPTED", "REJECTED", "WITHDRAWN"], { error: "Choisissez le sort de la délibération : adoptée, rejetée ou retirée." }),
    unanimous: z.boolean(),
    for: optionalFigure("Pour"),
    against: optionalFigure("Contre"),
    abstention: optionalFigure("Abstentions"),
    participants: optionalFigure("Votants"),
    receipt: z
      .object({
        actesId: z
          .union([z.string(), z.null()])
          .transform((value) => value?.trim() || null)
          .superRefine((value, context) => {
            const parsed = value === null ? null : parseActesId(value);
            if (parsed && !parsed.ok) context.addIssue({ code: "custom", message: parsed.reason });
          }),
        receivedAt: z.union([z.literal(""), z.null(), isoDateSchema("la date de réception en préfecture")]).transform((value) => value || null),
      })
      .nullable(),
    /** Its first line in the document, for the import's report. */
    line: z.number().int().positive().nullable().optional(),
  })
  .superRefine((deliberation, context) => {
    if (deliberation.unanimous && (deliberation.against ?? 0) > 0) {
      context.addIssue({ code: "custom", path: ["against"], message: "Une délibération adoptée à l'unanimité n'a pas de voix contre." });
    }
    if (deliberation.outcome === "WITHDRAWN" && (deliberation.unanimous || deliberation.for !== null || deliberation.against !== null || deliberation.abstention !== null)) {
      context.addIssue({ code: "custom", path: ["outcome"], message: "Un point retiré de l'ordre du jour n'a pas été voté : videz le décompte." });
    }
  });

export const reviewedSittingSchema = z.object({
  date: isoDateSchema("la date de la séance"),
  hour: z
    .union([z.literal(""), z.null(), z.string().regex(HOUR, "Saisissez l'heure de la séance, par exemple 20:30, ou laissez vide si le document ne la dit pas.")])
    .transform((value) => value || null),
  place: z.union([z.null(), optionalText(300, "Le lieu")]).transform((value) => value || null),
  extraordinary: z.boolean(),
  presidentId: optionalCouncillorId,
  secretaryId: optionalCouncillorId,
  membersInOffice: optionalFigure("Les membres en exercice"),
  /** The roll call as the document gives it; null when it names no one. */
  attendance: z.array(attendanceEntrySchema).nullable(),
  deliberations: z.array(reviewedDeliberationSchema).min(1, "Cette séance n'a aucune délibération à importer : ajoutez-en une ou retirez la séance."),
  line: z.number().int().positive().nullable().optional(),
});

export const reviewedMinutesSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  sittings: z.array(reviewedSittingSchema).min(1, "Le document ne propose aucune séance à importer."),
});

export type ReviewedMinutesInput = z.input<typeof reviewedMinutesSchema>;
export type ReviewedMinutes = z.output<typeof reviewedMinutesSchema>;
export type ReviewedSitting = z.output<typeof reviewedSittingSchema>;
export type ReviewedDeliberation = z.output<typeof reviewedDeliberationSchema>;
