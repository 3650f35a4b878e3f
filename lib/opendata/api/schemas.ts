import { z } from "@/lib/validations/zod";

/** The schemas the OpenAPI document names (components.schemas). */
export const apiRegistry = z.registry<{ id: string }>();

// The JSON API's shapes. They check every response (parse before sending) and
// generate the OpenAPI document (z.toJSONSchema), so the two cannot disagree.

const isoDate = z.iso.date().describe("Date, AAAA-MM-JJ");
const isoDateTime = z.iso.datetime({ offset: true }).describe("Date et heure, ISO 8601");
const isDemo = z.boolean().describe("Donnée de démonstration : une collectivité et des actes FICTIFS, à ne pas réutiliser comme réels.");

export const municipalitySchema = z
  .object({
    name: z.string(),
    communeName: z.string(),
    siren: z.string().regex(/^\d{9}$/),
    siret: z.string().regex(/^\d{14}$/),
    departmentCode: z.string(),
    address: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    membersInOffice: z.int().describe("Nombre de conseillers en exercice"),
  })
  .register(apiRegistry, { id: "Municipality" });

export const councillorRole = z.enum(["MAYOR", "DEPUTY_MAYOR", "DELEGATED_COUNCILLOR", "COUNCILLOR"]);

export const councillorSchema = z
  .object({
    id: z.uuid(),
    civility: z.enum(["MONSIEUR", "MADAME"]),
    firstName: z.string(),
    lastName: z.string(),
    role: councillorRole,
    roleLabel: z.string().nullable(),
    mandateStart: isoDate,
    mandateEnd: isoDate.nullable(),
    isDemo,
  })
  .register(apiRegistry, { id: "Councillor" });

export const sittingSchema = z
  .object({
    id: z.uuid(),
    startsAt: isoDateTime,
    kind: z.enum(["ORDINARY", "EXTRAORDINARY"]),
    isPublic: z.boolean(),
    place: z.string().nullable().describe("Lieu de la séance ; null pour une séance d'archive qui ne l'indique pas"),
    /** Null for a sitting not convened yet (a sitting with a published act always has one). */
    convocationDate: isoDate.nullable(),
    slug: z.string().describe("Adresse publique de la séance (/seances/<slug>), donnée une fois et jamais changée"),
    cancelledAt: isoDateTime.nullable().describe("Date d'annulation de la séance, le cas échéant"),
    publishedDeliberations: z.int().min(0),
    isDemo,
  })
  .register(apiRegistry, { id: "Sitting" });

export const agendaItemSchema = z
  .object({
    position: z.int().min(1),
    kind: z.enum(["DELIBERATION", "MINUTES_APPROVAL", "COMMUNICATION", "DELEGATED_DECISIONS", "ORAL_QUESTION"]),
    title: z.string(),
    summaryNote: z.string().nullable().describe("Note explicative de synthèse (Markdown)"),
    deliberationNumber: z.string().nullable().describe("La délibération publiée que le point est devenu"),
    minutesSittingSlug: z.string().nullable().describe("Pour l'approbation d'un procès-verbal : l'adresse de la séance dont c'est le procès-verbal"),
  })
  .register(apiRegistry, { id: "AgendaItem" });

const outcome = z.enum(["ADOPTED", "REJECTED", "WITHDRAWN"]);

export const deliberationSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("« DL.2022-91 » ; pour un acte repris d'une archive, son identifiant d'origine (suivi de « @<date> » quand un autre acte le porte déjà)"),
    version: z.int().min(1),
    subject: z.string(),
    matterCode: z.string().nullable(),
    outcome: outcome.nullable(),
    sittingId: z.uuid(),
    sittingStartsAt: isoDateTime,
    publishedAt: isoDateTime,
    url: z.url(),
    isDemo,
  })
  .register(apiRegistry, { id: "DeliberationSummary" });

const choice = z.enum(["FOR", "AGAINST", "ABSTENTION", "NOT_VOTING"]);

/** A councillor as an act names them. */
const namedCouncillorSchema = councillorSchema.pick({ id: true, civility: true, firstName: true, lastName: true, role: true, roleLabel: true });

export const deliberationSchema = deliberationSummarySchema
  .extend({
    reportSubject: z.string().nullable(),
    service: z.string().nullable(),
    policyHeading: z.string().nullable(),
    report: z.string().nullable().describe("Markdown ; null pour un acte repris d'une archive qui ne le donne pas"),
    proposals: z.string().nullable().describe("Markdown ; null pour un acte repris d'une archive qui ne les donne pas"),
    votedAt: isoDate.nullable(),
    rapporteurId: z.uuid().nullable(),
    rectificationReason: z.string().nullable(),
    attendance: z.array(
      z.object({
        councillorId: z.uuid(),
        status: z.enum(["PRESENT", "REPRESENTED", "EXCUSED", "ABSENT"]),
        proxyHolderId: z.uuid().nullable().describe("Le mandataire, pour un membre représenté"),
      }),
    ),
    vote: z
      .object({
        secret: z.boolean(),
        presentAndRepresented: z.int().nullable(),
        present: z.int().nullable(),
        represented: z.int().nullable(),
        abstentions: z.int().nullable(),
        nonParticipation: z.int().nullable(),
        expressed: z.int().nullable(),
        votesFor: z.int().nullable(),
        votesAgainst: z.int().nullable(),
        participants: z.int().nullable().describe("Votants (SCDL VOTE_REEL) : donné par une archive ; null sinon"),
        unanimous: z.boolean().describe("« À l'unanimité » selon l'archive, chiffres éventuellement inconnus"),
        castingVote: choice.nullable(),
        result: outcome,
        choices: z
          .array(z.object({ councillorId: z.uuid(), choice }))
          .describe("Votes nominatifs ; vide pour un scrutin secret"),
      })
      .nullable(),
    receipt: z
      .object({ actesId: z.string().nullable(), receivedAt: isoDate.nullable(), authority: z.string().nullable().describe("SCDL PREF_ID, « PREF013 »") })
      .nullable()
      .describe("Un chiffre nul (null) : l'archive dont l'acte est repris ne le donne pas ; un acte saisi ici les a tous"),
    presidentId: z.uuid().nullable().describe("Le président de la séance (null : l'archive ne le nomme pas)"),
    secretaryId: z.uuid().nullable().describe("Le secrétaire de la séance (null : l'archive ne le nomme pas)"),
    archive: z
      .object({
        originalIdentifier: z.string(),
        format: z.enum(["scdl", "minutes", "registre"]),
        fileName: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        importedAt: isoDateTime,
        sourceUrl: z.string().nullable(),
      })
      .nullable()
      .describe("Pour un acte repris d'une archive : le fichier dont il vient ; null pour un acte saisi ici"),
    councillors: z
      .array(namedCouncillorSchema)
      .describe("Les élus que l'acte nomme (présidence, rapporteur, présences, pouvoirs, votes), tels qu'il les nomme : figés à sa publication, ils ne suivent pas les modifications ultérieures de /councillors"),
    municipality: z
      .object({ name: z.string(), siret: z.string().regex(/^\d{14}$/), membersInOffice: z.int(), administrativeCourt: z.string(), appealNotice: z.string() })
      .describe("La collectivité telle que l'acte la désigne, figée à sa publication"),
  })
  .register(apiRegistry, { id: "Deliberation" });

export const paginationSchema = z
  .object({ page: z.int().min(1), perPage: z.int().min(1), total: z.int().min(0), pageCount: z.int().min(1) })
  .register(apiRegistry, { id: "Pagination" });

export const errorSchema = z.object({ error: z.string() }).register(apiRegistry, { id: "Error" });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pagination: paginationSchema });

export const councillorPageSchema = pageOf(councillorSchema).register(apiRegistry, { id: "CouncillorPage" });
export const sittingPageSchema = pageOf(sittingSchema).register(apiRegistry, { id: "SittingPage" });
export const deliberationPageSchema = pageOf(deliberationSummarySchema).register(apiRegistry, { id: "DeliberationPage" });
/** The sitting's procès-verbal once submitted to the council (a draft is not public). */
export const sittingMinutesSchema = z
  .object({
    status: z.enum(["SUBMITTED", "ADOPTED", "PUBLISHED"]),
    /** "Procès-verbal adopté le 28 juin 2018, publié le 1er juillet 2018." */
    state: z.string(),
    /** The signed PDF of the latest published version, null before publication. */
    pdfUrl: z.string().nullable(),
    publishedVersion: z.int().min(1).nullable(),
  })
  .register(apiRegistry, { id: "SittingMinutes" });

export const sittingDetailSchema = sittingSchema
  .extend({ agenda: z.array(agendaItemSchema), deliberations: z.array(deliberationSummarySchema), minutes: sittingMinutesSchema.nullable() })
  .register(apiRegistry, { id: "SittingDetail" });

/** The longest page a list gives: a larger `perPage` is taken as this, and the answer's `pagination.perPage` says so. */
export const MAX_PER_PAGE = 200;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .transform((perPage) => Math.min(perPage, MAX_PER_PAGE))
    .catch(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function readPageQuery(url: URL): PageQuery {
  return pageQuerySchema.parse({ page: url.searchParams.get("page") ?? undefined, perPage: url.searchParams.get("perPage") ?? undefined });
}

export function paginationOf(query: PageQuery, total: number) {
  return { page: query.page, perPage: query.perPage, total, pageCount: Math.max(1, Math.ceil(total / query.perPage)) };
}
