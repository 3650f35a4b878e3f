import { z } from "@/lib/validations/zod";
import { isoDateSchema, optionalIsoDateSchema, optionalText } from "./common";

export const CIVILITIES = ["MONSIEUR", "MADAME"] as const;
export const COUNCILLOR_ROLES = ["MAYOR", "DEPUTY_MAYOR", "DELEGATED_COUNCILLOR", "COUNCILLOR"] as const;

const fields = z.object({
  civility: z.enum(CIVILITIES, { error: "Choisissez la civilité." }),
  firstName: z.string().trim().min(1, "Saisissez le prénom.").max(100, "Le prénom est trop long (100 caractères au plus)."),
  lastName: z.string().trim().min(1, "Saisissez le nom.").max(100, "Le nom est trop long (100 caractères au plus)."),
  role: z.enum(COUNCILLOR_ROLES, { error: "Choisissez la fonction." }),
  roleLabel: optionalText(200, "Le libellé de la fonction"),
  mandateStart: isoDateSchema("la date de début du mandat"),
  mandateEnd: optionalIsoDateSchema("la date de fin du mandat"),
  /** Where the convocation is e-mailed (L2121-10); never public. Left out, the stored one stays. */
  email: z
    .string()
    .trim()
    .max(254, "L'adresse électronique est trop longue (254 caractères au plus).")
    .refine((value) => value === "" || z.email().safeParse(value).success, "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr, ou laissez le champ vide.")
    .optional(),
  /** The councillor asked for the convocation on paper (L2121-10). */
  paperOnRequest: z.boolean().optional(),
});

const endAfterStart = (value: { mandateStart: string; mandateEnd: string }) => !value.mandateEnd || value.mandateEnd >= value.mandateStart;
const END_BEFORE_START = { message: "La fin du mandat ne peut précéder son début.", path: ["mandateEnd"] };

/** Creating or editing a councillor: the same fields. */
export const councillorSchema = fields.refine(endAfterStart, END_BEFORE_START);
export type CouncillorInput = z.input<typeof councillorSchema>;

/** Ending a mandate: the day it ended (the start is checked against the stored one). */
export const endMandateSchema = fields.pick({ mandateEnd: true }).extend({ mandateEnd: isoDateSchema("la date de fin du mandat") });
export type EndMandateInput = z.input<typeof endMandateSchema>;

export const COUNCILLOR_ROLE_OPTIONS: readonly { value: (typeof COUNCILLOR_ROLES)[number]; label: string }[] = [
  { value: "MAYOR", label: "Maire" },
  { value: "DEPUTY_MAYOR", label: "Adjoint au maire" },
  { value: "DELEGATED_COUNCILLOR", label: "Conseiller municipal délégué" },
  { value: "COUNCILLOR", label: "Conseiller municipal" },
];

/** A blank form. Kept here, not in the form's client module: a server page that spreads a client module's constant gets an empty reference, not the values. */
export const EMPTY_COUNCILLOR: CouncillorInput = {
  civility: "MADAME",
  firstName: "",
  lastName: "",
  role: "COUNCILLOR",
  roleLabel: "",
  mandateStart: "",
  mandateEnd: "",
  email: "",
  paperOnRequest: false,
};
