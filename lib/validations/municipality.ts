import { z } from "@/lib/validations/zod";
import { departmentProblem, sirenProblem } from "@/lib/domain/actes";
import { isTimeZone } from "@/lib/domain/calendar";

// The municipality's settings, as an administrator edits them. SIREN, SIRET and
// department code are not here: they identify the municipality and enter the
// ACTES identifiers of the acts already transmitted, so they are never edited.

/** A municipal council has at most 69 members in a commune (CGCT L2121-2), 163 in Paris. */
export const MAX_MEMBERS_IN_OFFICE = 163;

const text = (max: number, tooLong: string) => z.string().trim().max(max, `${tooLong} (${max} caractères au plus).`);
const required = (max: number, missing: string, tooLong: string) => text(max, tooLong).min(1, missing);

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

const emailCheck = z.email();

export const municipalitySettingsSchema = z.object({
  name: required(200, "Saisissez le nom de la collectivité.", "Le nom de la collectivité est trop long"),
  communeName: required(200, "Saisissez le nom de la commune.", "Le nom de la commune est trop long"),
  address: required(500, "Saisissez l'adresse de la collectivité.", "L'adresse est trop longue"),
  email: text(254, "L'adresse électronique est trop longue").refine(
    (value) => value === "" || emailCheck.safeParse(value).success,
    "Saisissez une adresse électronique valide, par exemple assemblees@mairie.fr, ou laissez le champ vide.",
  ),
  phone: text(30, "Le numéro de téléphone est trop long").refine(
    (value) => value === "" || /^\+?[0-9][0-9 .()-]{3,}[0-9]$/.test(value),
    "Saisissez un numéro de téléphone, par exemple 04 42 91 90 00, ou laissez le champ vide.",
  ),
  website: text(300, "L'adresse du site internet est trop longue").refine(
    (value) => value === "" || isWebAddress(value),
    "Saisissez l'adresse complète du site, commençant par https://, par exemple https://www.mairie.fr, ou laissez le champ vide.",
  ),
  administrativeCourt: required(200, "Saisissez le tribunal administratif compétent.", "Le nom du tribunal est trop long"),
  membersInOffice: z
    .string()
    .trim()
    .refine(
      (value) => /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_MEMBERS_IN_OFFICE,
      `Saisissez le nombre de membres du conseil en exercice, un nombre entier de 1 à ${MAX_MEMBERS_IN_OFFICE} (69 au plus dans une commune, ${MAX_MEMBERS_IN_OFFICE} à Paris).`,
    )
    .transform(Number),
  appealNotice: required(5000, "Saisissez la mention des voies et délais de recours.", "La mention des voies de recours est trop longue"),
  annexNotice: text(5000, "La mention de consultation des annexes est trop longue"),
  /**
   * The legal population (decides the convocation delay and the summary notes, L2121-11 and -12);
   * empty: unknown (the rules of 3,500 inhabitants and more); left out, the stored figure stays.
   */
  population: z
    .string()
    .trim()
    .refine((value) => value === "" || (/^\d{1,8}$/.test(value.replace(/[\s\u202f.]/g, ""))), "Saisissez la population légale en nombre entier d'habitants, par exemple 143 000, ou laissez vide si elle est inconnue.")
    .transform((value) => (value === "" ? null : Number(value.replace(/[\s\u202f.]/g, ""))))
    .optional(),
  /** Left out, the stored zone stays as it is. */
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, "Saisissez un fuseau horaire reconnu, par exemple Europe/Paris, America/Martinique ou Indian/Reunion.")
    .optional(),
});

/** What the form holds (text, as typed); the parsed output carries the number of members as a number. */
export type MunicipalitySettingsInput = z.input<typeof municipalitySettingsSchema>;
export type MunicipalitySettings = z.output<typeof municipalitySettingsSchema>;

/**
 * A municipality the installation creates (an archive import of a town the
 * portal does not have yet): its settings, as an administrator would type
 * them, and what identifies it for good.
 */
export const newMunicipalitySchema = municipalitySettingsSchema.extend({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "L'identifiant de la collectivité s'écrit en minuscules sans accents, mots séparés par des tirets (aix-en-provence).")
    .max(100, "L'identifiant de la collectivité est trop long (100 caractères au plus)."),
  siren: z.string().trim().superRefine((value, context) => {
    const problem = sirenProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
  siret: z.string().trim().regex(/^\d{14}$/, "Le SIRET compte 14 chiffres (le SIREN puis le NIC)."),
  departmentCode: z.string().trim().superRefine((value, context) => {
    const problem = departmentProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
}).refine((input) => input.siret.startsWith(input.siren), { message: "Le SIRET commence par le SIREN de la collectivité.", path: ["siret"] });

export type NewMunicipalityInput = z.input<typeof newMunicipalitySchema>;
export type NewMunicipality = z.output<typeof newMunicipalitySchema>;
