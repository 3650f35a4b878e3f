import { z } from "@/lib/validations/zod";
import { isoDateSchema, optionalIsoDateSchema } from "./common";
import { MAX_MEMBERS_IN_OFFICE } from "./municipality";

export const SITTING_KINDS = ["ORDINARY", "EXTRAORDINARY"] as const;

const councillorId = (label: string) =>
  z.string().min(1, { message: `Choisissez ${label} : ce champ est obligatoire.`, abort: true }).uuid(`Choisissez ${label} dans la liste des élus.`);

export const sittingSchema = z
  .object({
    date: isoDateSchema("la date de la séance"),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Saisissez l'heure d'ouverture, par exemple 14:00."),
    place: z.string().trim().min(1, "Saisissez le lieu de la séance.").max(300, "Le lieu est trop long (300 caractères au plus)."),
    kind: z.enum(SITTING_KINDS, { error: "Choisissez le type de séance." }),
    isPublic: z.boolean(),
    /** Typed for an archived sitting; a sitting being prepared is convened by its sendings (left empty here). */
    convocationDate: optionalIsoDateSchema("la date de convocation"),
    convenedById: councillorId("l'auteur de la convocation"),
    presidentId: councillorId("le président de séance"),
    secretaryId: councillorId("le secrétaire de séance"),
    reconvened: z.boolean(),
    /** The sitting's own figure (quorum, bound of the counts); left out, the municipality's setting. */
    membersInOffice: z
      .string()
      .trim()
      .refine(
        (value) => value === "" || (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_MEMBERS_IN_OFFICE),
        `Saisissez le nombre de membres du conseil en exercice le jour de la séance, un nombre entier de 1 à ${MAX_MEMBERS_IN_OFFICE}.`,
      )
      .optional(),
    listPostedAt: optionalIsoDateSchema("la date d'affichage de la liste des délibérations"),
  })
  .refine((sitting) => !sitting.date || !sitting.convocationDate || sitting.convocationDate <= sitting.date, {
    message: "La convocation ne peut être postérieure à la séance.",
    path: ["convocationDate"],
  })
  .refine((sitting) => !sitting.listPostedAt || !sitting.date || sitting.listPostedAt >= sitting.date, {
    message: "La liste des délibérations ne peut être affichée avant la séance.",
    path: ["listPostedAt"],
  })
  // Only once both are chosen: two empty fields are each "required", not "the same councillor".
  .refine((sitting) => !sitting.presidentId || sitting.presidentId !== sitting.secretaryId, {
    message: "Le secrétaire de séance ne peut être le président.",
    path: ["secretaryId"],
  });

export type SittingInput = z.input<typeof sittingSchema>;
export type SittingData = z.output<typeof sittingSchema>;

/**
 * A new sitting's form. Here, not in the form's module: a value exported by a
 * "use client" module reaches a server component as a client reference, whose
 * spread is empty (every field then arrived undefined).
 */
export const EMPTY_SITTING: SittingInput = {
  date: "",
  time: "18:00",
  place: "",
  kind: "ORDINARY",
  isPublic: true,
  convocationDate: "",
  convenedById: "",
  presidentId: "",
  secretaryId: "",
  reconvened: false,
  membersInOffice: "",
  listPostedAt: "",
};

export const SITTING_KIND_OPTIONS = [
  { value: "ORDINARY", label: "Séance ordinaire" },
  { value: "EXTRAORDINARY", label: "Séance extraordinaire" },
] as const;

/** The list of deliberations' posting day alone: a later fact (L2121-25), still entered once the sitting's acts are published. */
export const listPostingSchema = z.object({ listPostedAt: sittingSchema.shape.listPostedAt });
export type ListPostingInput = z.input<typeof listPostingSchema>;
