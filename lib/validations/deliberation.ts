import { z } from "@/lib/validations/zod";
import { parseActesId } from "@/lib/domain/actes";
import { parseMatterCode } from "@/lib/domain/nomenclature";
import { parseDeliberationNumber } from "@/lib/domain/numbering";
import { isoDateSchema, optionalIsoDateSchema, optionalText } from "./common";
import { countMessage, parseCount, type SecretBallotCount } from "@/lib/domain/vote-form";

// The deliberation's forms: content, roll call, vote, receipt, publication,
// rectification. Each schema is used by the form (client) and the action (server).

const optionalCouncillor = z.union([z.literal(""), z.string().uuid("Choisissez un élu dans la liste.")]);

export const deliberationSchema = z.object({
  number: z
    .string()
    .trim()
    .refine((value) => parseDeliberationNumber(value) !== null, "Le numéro s'écrit DL.année-numéro d'ordre, par exemple DL.2022-91."),
  orderInSitting: z.string().trim().regex(/^[1-9]\d{0,2}$/, "Saisissez le rang dans l'ordre du jour, un nombre de 1 à 999."),
  subject: z.string().trim().min(1, "Saisissez l'objet de la délibération.").max(500, "L'objet est trop long (500 caractères au plus)."),
  reportSubject: optionalText(600, "L'intitulé du rapport"),
  rapporteurId: optionalCouncillor,
  service: optionalText(300, "Le service"),
  matterCode: z.string().trim().superRefine((value, context) => {
    const parsed = parseMatterCode(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: `${parsed.reason} Choisissez la matière dans la liste.` });
  }),
  policyHeading: optionalText(300, "La politique publique"),
  report: z.string().trim().min(1, "Saisissez le rapport présenté au conseil.").max(200_000, "Le rapport est trop long."),
  proposals: z.string().trim().min(1, "Saisissez les propositions mises au vote.").max(50_000, "Les propositions sont trop longues."),
  cosignatoryId: optionalCouncillor,
  cosignatoryTitle: optionalText(200, "La qualité du second signataire"),
});
export type DeliberationInput = z.input<typeof deliberationSchema>;

export const ATTENDANCE_STATUSES = ["PRESENT", "REPRESENTED", "EXCUSED", "ABSENT"] as const;

const attendanceFields = {
  councillorId: z.string().uuid("Élu inconnu : rechargez la page."),
  status: z.enum(ATTENDANCE_STATUSES, { error: "Choisissez présent, représenté, excusé ou absent." }),
  proxyHolderId: optionalCouncillor,
  note: optionalText(200, "La remarque"),
};

// A holder is named for a represented councillor, and only then.
type ProxyRule = [check: (entry: { status: string; proxyHolderId: string }) => boolean, options: { message: string; path: string[] }];
const holderNamed: ProxyRule = [(entry) => entry.status !== "REPRESENTED" || entry.proxyHolderId !== "", { message: "Choisissez le mandataire.", path: ["proxyHolderId"] }];
const holderOnlyIfRepresented: ProxyRule = [
  (entry) => entry.status === "REPRESENTED" || entry.proxyHolderId === "",
  { message: "Un mandataire ne s'indique que pour un élu représenté.", path: ["proxyHolderId"] },
];

export const attendanceEntrySchema = z.object(attendanceFields).refine(...holderNamed).refine(...holderOnlyIfRepresented);

export const attendanceSchema = z.object({ entries: z.array(attendanceEntrySchema).min(1, "La liste de présence est vide.") });
export type AttendanceInput = z.input<typeof attendanceSchema>;
export type AttendanceData = z.output<typeof attendanceSchema>;

/** The sitting's roll call: the call at the opening, then arrivals and departures from a given deliberation on. */
export const sittingRollCallSchema = z.object({
  opening: z.array(attendanceEntrySchema).min(1, "La liste d'appel est vide."),
  changes: z
    .array(
      z
        .object({ ...attendanceFields, councillorId: z.string().uuid("Choisissez l'élu."), deliberationId: z.string().uuid("Choisissez la délibération à partir de laquelle ce changement vaut.") })
        .refine(...holderNamed)
        .refine(...holderOnlyIfRepresented),
    )
    .max(500, "Trop de changements : 500 au plus par séance."),
});
export type SittingRollCallInput = z.input<typeof sittingRollCallSchema>;

export { rollCallFieldKey } from "@/lib/domain/roll-call-form";

export const VOTE_CHOICES = ["AGAINST", "ABSTENTION", "NOT_VOTING"] as const;

const count = (key: SecretBallotCount) => z.string().refine((value) => parseCount(value) !== null, countMessage(key)).transform((value) => value.trim());

export const voteSchema = z.discriminatedUnion("secret", [
  z.object({
    secret: z.literal(false),
    /** Those who did not vote for: everyone else present or represented did. */
    choices: z.array(z.object({ councillorId: z.string().uuid(), choice: z.enum(VOTE_CHOICES) })),
    castingVote: z.enum(["", "FOR", "AGAINST"]),
  }),
  z.object({
    secret: z.literal(true),
    votesFor: count("votesFor"),
    votesAgainst: count("votesAgainst"),
    abstentions: count("abstentions"),
    nonParticipation: count("nonParticipation"),
  }),
]);
export type VoteInput = z.input<typeof voteSchema>;
export type VoteData = z.output<typeof voteSchema>;

export const receiptSchema = z.object({
  actesId: z.string().superRefine((value, context) => {
    const parsed = parseActesId(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.reason });
  }),
  receivedAt: isoDateSchema("la date de réception en préfecture"),
  signedAt: isoDateSchema("la date de signature"),
  postedAt: optionalIsoDateSchema("la date d'affichage"),
});
export type ReceiptInput = z.input<typeof receiptSchema>;
export type ReceiptData = z.output<typeof receiptSchema>;

export const publishSchema = z.object({
  /** Empty: now. A past date and hour records when an archived act was put online. */
  publishedOn: optionalIsoDateSchema("la date de mise en ligne"),
  publishedAtTime: z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Saisissez l'heure, par exemple 10:00.")]),
});
export type PublishInput = z.input<typeof publishSchema>;

/** The steps that only move the workflow, as the deliberation's buttons send them (a bound argument the browser can forge). */
export const statusChangeSchema = z.enum(["CANCEL_VOTE", "WITHDRAW", "REINSTATE"], {
  error: "Cette action sur la délibération n'existe pas : rechargez la page et choisissez l'un des boutons proposés.",
});
export type StatusChange = z.output<typeof statusChangeSchema>;

export const rectifySchema = z.object({
  reason: z.string().trim().min(10, "Expliquez la rectification (10 caractères au moins) : elle sera publiée avec la nouvelle version.").max(1000, "Le motif est trop long."),
});
export type RectifyInput = z.input<typeof rectifySchema>;
