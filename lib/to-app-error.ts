import { DomainError } from "@/lib/domain/errors";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";

// The one place where a failure the application expects becomes an AppError
// with a French message: our own AppErrors as they are, the domain's refusals
// with their own message, and the database's guards by their code (Prisma's
// error code, PostgreSQL's SQLSTATE, the constraint's name), never by the
// wording of a message.

type Refusal = { code: AppErrorCode; message: string };

/**
 * SQLSTATEs our triggers raise (class "RG", Registre's own; see the migration
 * `20261201020100_sitting_counts_rules`). The constraint name is given too, but
 * Prisma's pg adapter keeps only the SQLSTATE of a trigger's error.
 */
export const REGISTRE_SQLSTATES = {
  proxyLimit: "RG001",
  voteCountsDifferFromRollCall: "RG002",
  voteCountsAboveMembersInOffice: "RG003",
  membersInOfficeFrozen: "RG004",
  derogationWindowInUse: "RG005",
  actesIdOfAnotherAct: "RG006",
  membershipOutsideMandate: "RG007",
  agendaDeliberationOfAnotherSitting: "RG008",
  timeZoneFrozen: "RG009",
  minutesPublishedImmutable: "RG030",
  minutesStepOutOfOrder: "RG031",
  minutesNotLaterSitting: "RG032",
  minutesVersionChain: "RG033",
  minutesAdoptedOffSitting: "RG034",
  archiveImportFinishedOnce: "RG040",
  archivedActOutsideArchivedSitting: "RG041",
  voteFiguresUnknownOutsideArchive: "RG042",
  receiptUnknownOutsideArchive: "RG043",
  publicSlugImmutable: "RG020",
  cancelHeldSitting: "RG021",
  secretaryListedTwice: "RG022",
  votedWithoutConvocation: "RG010",
  convocationDelayNeedsUrgency: "RG011",
  convocationDelayBelowOneDay: "RG012",
  convocationSendingImmutable: "RG013",
  convocationDateOfSendings: "RG014",
  restoreIntoExistingMunicipality: "RG060",
  restoreRecordClosed: "RG061",
} as const;

const BY_SQLSTATE: Record<string, Refusal> = {
  [REGISTRE_SQLSTATES.proxyLimit]: {
    code: "VALIDATION",
    message:
      "Un mandataire porterait plus de pouvoirs que la loi ne le permet à la date de la séance : un seul (article L2121-20 du CGCT), ou le nombre que fixe la période dérogatoire en vigueur. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.voteCountsDifferFromRollCall]: {
    code: "VALIDATION",
    message:
      "Les présents et représentés du vote ne sont pas ceux de la liste de présence de la délibération : enregistrez d'abord les présences, puis le vote. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.voteCountsAboveMembersInOffice]: {
    code: "VALIDATION",
    message:
      "Le vote compte plus de présents et représentés que la séance n'a de membres en exercice. Corrigez le décompte ou le nombre de membres en exercice de la séance. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.membersInOfficeFrozen]: {
    code: "INVALID_STATE",
    message:
      "Une délibération de cette séance est publiée : le nombre de membres en exercice de la séance ne peut plus être modifié. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.derogationWindowInUse]: {
    code: "INVALID_STATE",
    message:
      "Ce changement de période dérogatoire rendrait irrégulière une liste de présence déjà enregistrée (un mandataire y porte plus de pouvoirs que ne le permettrait la nouvelle règle). Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.actesIdOfAnotherAct]: {
    code: "CONFLICT",
    message: "Cet identifiant ACTES est déjà celui d'une autre délibération : vérifiez l'accusé de réception. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.membershipOutsideMandate]: {
    code: "VALIDATION",
    message: "L'appartenance à un groupe sortirait du mandat de l'élu : elle commence au plus tôt avec le mandat et finit au plus tard avec lui. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.agendaDeliberationOfAnotherSitting]: {
    code: "VALIDATION",
    message: "Ce point de l'ordre du jour désigne un projet de délibération d'une autre séance. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.timeZoneFrozen]: {
    code: "INVALID_STATE",
    message:
      "Des délibérations de la collectivité sont publiées : leur date et leur heure sont lues dans ce fuseau horaire, qui ne peut plus être modifié. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.minutesPublishedImmutable]: {
    code: "INVALID_STATE",
    message: "Ce procès-verbal est publié : il ne peut plus être modifié ni supprimé. Créez une nouvelle version pour le corriger.",
  },
  [REGISTRE_SQLSTATES.minutesStepOutOfOrder]: {
    code: "INVALID_STATE",
    message: "Le procès-verbal suit les étapes dans l'ordre : projet, soumis à une séance, adopté par elle, puis publié. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.minutesNotLaterSitting]: {
    code: "VALIDATION",
    message: "Le procès-verbal est soumis à une séance postérieure à la sienne. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.minutesVersionChain]: {
    code: "CONFLICT",
    message: "Cette séance a déjà un procès-verbal : une correction est une nouvelle version du procès-verbal publié. Rechargez la page.",
  },
  [REGISTRE_SQLSTATES.archiveImportFinishedOnce]: {
    code: "INVALID_STATE",
    message: "Une importation enregistrée ne se modifie ni ne se supprime : elle dit ce qui a été importé, de quel fichier et quand. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.archivedActOutsideArchivedSitting]: {
    code: "VALIDATION",
    message: "Un acte repris d'une archive appartient à une séance reprise d'une archive, et seulement lui. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.voteFiguresUnknownOutsideArchive]: {
    code: "VALIDATION",
    message: "Seul un acte repris d'une archive peut laisser inconnus des chiffres du vote : saisissez le décompte complet. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.receiptUnknownOutsideArchive]: {
    code: "VALIDATION",
    message: "Seul un acte repris d'une archive peut avoir un accusé de réception sans identifiant ACTES ni date. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.minutesAdoptedOffSitting]: {
    code: "VALIDATION",
    message: "Le procès-verbal est adopté le jour de la séance à laquelle il a été soumis. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.publicSlugImmutable]: {
    code: "INVALID_STATE",
    message: "L'adresse publique de cette séance a déjà été donnée : elle ne change plus, même si la date de la séance change. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.cancelHeldSitting]: {
    code: "INVALID_STATE",
    message: "Une délibération de cette séance est publiée : la séance s'est tenue et ne peut plus être annulée. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.secretaryListedTwice]: {
    code: "VALIDATION",
    message: "Cet élu est déjà le secrétaire de la séance : il ne peut pas figurer une seconde fois parmi les secrétaires. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.votedWithoutConvocation]: {
    code: "INVALID_STATE",
    message: "Cette séance n'a pas de convocation enregistrée : aucun acte ne peut y être voté. Enregistrez d'abord l'envoi de la convocation. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.convocationDelayNeedsUrgency]: {
    code: "VALIDATION",
    message:
      "Le délai de convocation serait plus court que celui de la loi (5 jours francs à partir de 3 500 habitants, 3 en dessous : articles L2121-11 et L2121-12 du CGCT). Seule l'urgence, motivée, permet de l'abréger. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.convocationDelayBelowOneDay]: {
    code: "VALIDATION",
    message: "Il faut au moins un jour franc entre l'envoi de la convocation et la séance, même en cas d'urgence. Rien n'a été enregistré.",
  },
  [REGISTRE_SQLSTATES.convocationSendingImmutable]: {
    code: "INVALID_STATE",
    message: "Un envoi de convocation enregistré ne se modifie ni ne se supprime : enregistrez un nouvel envoi. Rien n'a été modifié.",
  },
  [REGISTRE_SQLSTATES.convocationDateOfSendings]: {
    code: "INVALID_STATE",
    message: "La séance est convoquée : sa date de convocation est celle du dernier envoi et ne se saisit pas. Rien n'a été modifié.",
  },
  [REGISTRE_SQLSTATES.restoreIntoExistingMunicipality]: {
    code: "CONFLICT",
    message:
      "Cette collectivité existe déjà dans la base cible : un portail exporté ne s'importe que dans une base qui ne la contient pas encore. Rien n'a été importé.",
  },
  [REGISTRE_SQLSTATES.restoreRecordClosed]: {
    code: "INVALID_STATE",
    message: "La trace d'une importation de portail ne se modifie ni ne se supprime. Rien n'a été modifié.",
  },
  // Raised by the immutability triggers of a published deliberation (and of an issued extract).
  "23000": {
    code: "INVALID_STATE",
    message: "Cette délibération vient d'être publiée : elle ne peut plus être modifiée. Émettez une rectification.",
  },
  "23505": {
    code: "CONFLICT",
    message: "Un enregistrement identique vient d'être créé par ailleurs : rechargez la page et vérifiez.",
  },
  "23503": {
    code: "CONFLICT",
    message: "Un élément auquel cet enregistrement renvoie n'existe pas ou vient d'être supprimé : rechargez la page et vérifiez.",
  },
  "23514": {
    code: "VALIDATION",
    message: "Ces données ne respectent pas une règle du registre (décompte, dates ou présences) ; rien n'a été enregistré. Vérifiez la saisie.",
  },
  // The one exclusion constraint: derogation windows of a municipality do not overlap.
  "23P01": {
    code: "VALIDATION",
    message: "Cette période dérogatoire chevauche une autre période de la collectivité : une date ne relève que d'une période.",
  },
  "40001": {
    code: "CONFLICT",
    message: "Un autre enregistrement simultané a empêché celui-ci ; rien n'a été modifié. Réessayez.",
  },
};
BY_SQLSTATE["40P01"] = BY_SQLSTATE["40001"]!;

/** Unique keys and indexes whose violation says more than "already exists". */
const BY_CONSTRAINT: Record<string, Refusal> = {
  deliberation_current_number_key: {
    code: "CONFLICT",
    message: "Ce numéro de délibération vient d'être attribué à une autre délibération : rechargez la page, un autre numéro vous sera proposé.",
  },
  deliberation_municipality_id_number_version_key: {
    code: "CONFLICT",
    message: "Ce numéro de délibération vient d'être attribué à une autre délibération : rechargez la page, un autre numéro vous sera proposé.",
  },
  group_membership_no_overlap: {
    code: "VALIDATION",
    message: "Cet élu appartient déjà à un groupe sur une partie de ces dates : un élu n'appartient qu'à un groupe à la fois. Rien n'a été enregistré.",
  },
  political_group_municipality_id_name_key: { code: "CONFLICT", message: "Un groupe porte déjà ce nom." },
  app_user_email_key: { code: "CONFLICT", message: "Un compte porte déjà cette adresse électronique." },
};

/** Prisma's own error codes, for the failures it reports without a SQLSTATE. */
const BY_PRISMA_CODE: Record<string, Refusal> = {
  P2025: { code: "NOT_FOUND", message: "L'élément demandé n'existe plus (supprimé entre-temps ?) : rechargez la page." },
  P2034: BY_SQLSTATE["40001"]!,
};
/** Prisma's codes for a SQLSTATE it names itself (the SQLSTATE is then not always given). */
const PRISMA_CODE_SQLSTATE: Record<string, string> = { P2002: "23505", P2003: "23503", P2004: "23514" };

export type DatabaseFailure = { sqlState?: string; constraint?: string; prismaCode?: string };

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null;
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * The structured fields of a database failure, from the three shapes it takes:
 * a Prisma known-request error (its code, and the pg adapter's cause in `meta`),
 * the adapter's own error thrown at commit (a deferred trigger), or a pg error.
 */
export function readDatabaseFailure(error: unknown): DatabaseFailure | null {
  if (!isObject(error)) return null;
  const prismaCode = text(error.code)?.match(/^P\d{4}$/) ? text(error.code) : undefined;
  const adapterCause = isObject(error.meta) && isObject(error.meta.driverAdapterError) ? error.meta.driverAdapterError.cause
    : error.name === "DriverAdapterError" ? error.cause
      : undefined;
  if (isObject(adapterCause)) {
    const constraint = isObject(adapterCause.constraint) ? text(adapterCause.constraint.index) : undefined;
    return { prismaCode, sqlState: text(adapterCause.originalCode) ?? text(adapterCause.code), constraint };
  }
  if (prismaCode) return { prismaCode };
  // node-postgres's DatabaseError: a five-character SQLSTATE and the constraint's name.
  const sqlState = text(error.code);
  if (sqlState && /^[0-9A-Z]{5}$/.test(sqlState) && typeof error.severity === "string") {
    return { sqlState, constraint: text(error.constraint) };
  }
  return null;
}

/** The refusal a database failure means for the user, or null when it is not one we expect. */
export function refusalOfDatabaseFailure({ sqlState, constraint, prismaCode }: DatabaseFailure): Refusal | null {
  if (constraint && BY_CONSTRAINT[constraint]) return BY_CONSTRAINT[constraint];
  if (sqlState && BY_SQLSTATE[sqlState]) return BY_SQLSTATE[sqlState];
  if (prismaCode && BY_PRISMA_CODE[prismaCode]) return BY_PRISMA_CODE[prismaCode];
  const named = prismaCode ? PRISMA_CODE_SQLSTATE[prismaCode] : undefined;
  return named ? BY_SQLSTATE[named]! : null;
}

/** The AppError an expected failure stands for, or null for a fault (to be logged, shown as generic). */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (error instanceof DomainError) return new AppError("VALIDATION", error.message);
  const failure = readDatabaseFailure(error);
  const refusal = failure && refusalOfDatabaseFailure(failure);
  return refusal ? new AppError(refusal.code, refusal.message) : null;
}
