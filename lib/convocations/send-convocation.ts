import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { councillorRefSelect } from "@/lib/councillors/councillor-ref";
import { ExtractKind, type Db, type Tx } from "@/lib/db/prisma";
import { instantAt, localDay } from "@/lib/domain/calendar";
import { checkConvocationDelay, convocationDelayAccepted, convocationDelayMessage, missingSummaryNotes, summaryNotesRequired } from "@/lib/domain/convocation";
import { formatDateFr } from "@/lib/domain/format";
import { countOf } from "@/lib/domain/plural";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildSignedPdf, sourceDigest } from "@/lib/extracts/build-deliberation-extract";
import { renderConvocation, type ConvocationSource } from "@/lib/extracts/render-convocation";
import { storeIssuedExtract, type StoredExtract } from "@/lib/extracts/store-issued-extract";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import { convocationSendingSchema, type ConvocationSendingData } from "@/lib/validations/agenda";
import { isUuid } from "@/lib/validations/common";
import { parseInput } from "@/lib/validations/parse";
import { openMailer, type MailerConfig } from "./mailer";
import { requireKnown } from "@/lib/publication/known-facts";

// Sends a sitting's convocation to every councillor in office on its day, and
// records each sending (channel and time): by e-mail through the configured
// SMTP server (each message's time and Message-ID), or, without SMTP, at the
// day and hour the clerk gives (e-mail sent by other means, or paper). Paper
// goes to those who asked for it and to those without an address. The delay
// the law sets is checked first (lib/domain/convocation), then again by the
// database; the signed convocation is stored and attached.

export type SendConvocationResult = { sittingId: string; sendings: number; emailed: number; paper: number; failed: string[]; verificationCode: string };

export async function sendConvocation(options: {
  db: Db;
  actor: SessionUser | null;
  sittingId: string;
  input: unknown;
  /** The SMTP server to send through (SMTP mode); null without one. */
  mailer: MailerConfig | null;
  now?: Date;
}): Promise<SendConvocationResult> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(convocationSendingSchema, options.input);
  const now = options.now ?? new Date();
  if (input.mode === "smtp" && !options.mailer) {
    throw new AppError("INVALID_STATE", "Aucun serveur d'envoi (SMTP) n'est configuré : enregistrez la date et l'heure auxquelles la convocation a été envoyée.");
  }
  const prepared = await options.db.$transaction((tx) => prepareConvocation(tx, actor, { sittingId: options.sittingId, input, now }));
  const extract = await issueConvocation(actor, prepared);

  const emailed: { councillorId: string; address: string; sentAt: Date; messageId: string }[] = [];
  const failed: string[] = [];
  if (input.mode === "smtp" && options.mailer) {
    const mailer = openMailer(options.mailer);
    try {
      for (const recipient of prepared.recipients) {
        if (recipient.channel !== "EMAIL") continue;
        try {
          const sent = await mailer.send({ to: recipient.address!, subject: prepared.mailSubject, text: mailText(prepared, recipient.name), attachment: { fileName: extract.fileName, content: extract.content } });
          emailed.push({ councillorId: recipient.id, address: recipient.address!, ...sent });
        } catch (error) {
          console.error(error);
          failed.push(recipient.name);
        }
      }
    } finally {
      mailer.close();
    }
    if (!emailed.length && prepared.recipients.some((recipient) => recipient.channel === "EMAIL")) {
      throw new AppError("INVALID_STATE", "Aucun courriel n'a pu être envoyé : le serveur d'envoi (SMTP) a refusé ou ne répond pas. Rien n'a été enregistré ; réessayez, ou enregistrez un envoi fait par un autre moyen.");
    }
  }

  const rows = prepared.recipients.flatMap((recipient): SendingRow[] => {
    if (input.mode === "smtp" && recipient.channel === "EMAIL") {
      const sent = emailed.find((entry) => entry.councillorId === recipient.id);
      return sent ? [{ councillorId: recipient.id, channel: "EMAIL" as const, sentAt: sent.sentAt, emailAddress: sent.address, messageId: sent.messageId }] : [];
    }
    return [{ councillorId: recipient.id, channel: recipient.channel, sentAt: prepared.sentAt, emailAddress: recipient.channel === "EMAIL" ? recipient.address : null, messageId: null }];
  });
  await options.db.$transaction((tx) => recordConvocationSendingsInTransaction(tx, actor, { sittingId: prepared.sittingId, urgency: prepared.urgency, extractSha256: extract.sha256, mode: input.mode, rows }));
  return {
    sittingId: prepared.sittingId,
    sendings: rows.length,
    emailed: rows.filter((row) => row.channel === "EMAIL").length,
    paper: rows.filter((row) => row.channel === "PAPER").length,
    failed,
    verificationCode: extract.verificationCode,
  };
}

type Recipient = { id: string; name: string; channel: "EMAIL" | "PAPER"; address: string | null };

type PreparedConvocation = {
  sittingId: string;
  sentAt: Date;
  urgency: { urgent: boolean; urgencyReason: string | null };
  recipients: Recipient[];
  source: ConvocationSource;
  municipality: { name: string; communeName: string; appealNotice: string; annexNotice: string | null };
  mailSubject: string;
  fileName: string;
};

/** Checks the delay, the agenda and the notes, and gathers what the convocation says and who gets it. */
async function prepareConvocation(tx: Tx, actor: Editor, { sittingId, input, now }: { sittingId: string; input: ConvocationSendingData; now: Date }): Promise<PreparedConvocation> {
  const found = isUuid(sittingId)
    ? await tx.sitting.findFirst({
        where: { id: sittingId, municipalityId: actor.municipalityId },
        select: { id: true, startsAt: true, place: true, kind: true, isPublic: true, isDemo: true, convenedBy: { select: councillorRefSelect }, _count: { select: { deliberations: { where: { status: { not: "DRAFT" } } } } } },
      })
    : null;
  if (!found) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const sitting = requireKnown(found, ["place", "convenedBy"]);
  if (sitting._count.deliberations) throw new AppError("INVALID_STATE", "Cette séance a déjà des délibérations votées : sa convocation ne s'envoie plus.");
  const municipality = await tx.municipality.findUniqueOrThrow({
    where: { id: actor.municipalityId },
    select: { name: true, communeName: true, appealNotice: true, annexNotice: true, timeZone: true, population: true },
  });
  const zone = municipality.timeZone;
  const sentAt = input.mode === "manual" ? instantAt(input.sentDate, input.sentTime, zone) : now;
  if (sentAt.getTime() > now.getTime() + 60_000) {
    throw new AppError("VALIDATION", "L'envoi ne peut être daté dans le futur : enregistrez-le une fois fait.", { sentDate: ["La date et l'heure d'envoi sont à venir."] });
  }
  const sittingDay = localDay(sitting.startsAt, zone);
  const sentDay = localDay(sentAt, zone);
  const delay = checkConvocationDelay({ sentDay, sittingDay, population: municipality.population, urgent: input.urgent });
  if (!convocationDelayAccepted(delay)) {
    const message = convocationDelayMessage(delay)!;
    throw new AppError("VALIDATION", message, delay.status === "needs-urgency" ? { urgent: [message] } : { sentDate: [message] });
  }
  // Urgency that the delay does not need is not recorded: the mayor has nothing to report.
  const urgency = delay.status === "urgent" ? { urgent: true, urgencyReason: input.urgencyReason } : { urgent: false, urgencyReason: null };

  const items = await tx.agendaItem.findMany({ where: { sittingId: sitting.id }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { position: true, kind: true, title: true, summaryNote: true } });
  if (!items.length) throw new AppError("INVALID_STATE", "L'ordre du jour est vide : ajoutez ses points avant d'envoyer la convocation.");
  const missing = missingSummaryNotes(items, municipality.population);
  if (missing.length) {
    throw new AppError(
      "INVALID_STATE",
      `La note explicative de synthèse manque pour ${missing.length > 1 ? "les points" : "le point"} ${missing.join(", ")} : elle accompagne la convocation à partir de 3 500 habitants (article L2121-12 du CGCT).`,
    );
  }

  const day = new Date(`${sittingDay}T00:00:00Z`);
  const councillors = await tx.councillor.findMany({
    where: { municipalityId: actor.municipalityId, isDemo: sitting.isDemo, mandateStart: { lte: day }, OR: [{ mandateEnd: null }, { mandateEnd: { gte: day } }] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, civility: true, firstName: true, lastName: true, email: true, paperOnRequest: true },
  });
  const recipients = councillors.map((councillor): Recipient => {
    const name = `${councillor.firstName} ${councillor.lastName}`;
    return councillor.email && !councillor.paperOnRequest ? { id: councillor.id, name, channel: "EMAIL", address: councillor.email } : { id: councillor.id, name, channel: "PAPER", address: null };
  });
  const sittingWords = `séance du conseil municipal du ${formatDateFr(sitting.startsAt, zone)}`;
  return {
    sittingId: sitting.id,
    sentAt,
    urgency,
    recipients,
    municipality,
    mailSubject: `Convocation : ${sittingWords}${urgency.urgent ? " (urgence)" : ""}`,
    fileName: `seance-${sittingDay}-convocation.pdf`,
    source: {
      sitting: { startsAt: sitting.startsAt, place: sitting.place, kind: sitting.kind, isPublic: sitting.isPublic, isDemo: sitting.isDemo, ...urgency },
      convener: sitting.convenedBy,
      withSummaryNotes: summaryNotesRequired(municipality.population),
      items,
      sentDay,
      timeZone: zone,
    },
  };
}

/** Signs and stores the convocation (the same record gives the same stored PDF back). */
async function issueConvocation(actor: Editor, prepared: PreparedConvocation): Promise<StoredExtract> {
  const built = await buildSignedPdf({
    render: (seal) => renderConvocation({ municipality: { ...prepared.municipality, timeZone: prepared.source.timeZone }, source: prepared.source, seal }),
    signer: await getDocumentSigner(),
    baseUrl: readEnv().PUBLIC_BASE_URL,
    reason: "Convocation du conseil municipal",
    location: prepared.municipality.communeName,
  });
  return storeIssuedExtract({
    municipalityId: actor.municipalityId,
    userId: actor.id,
    kind: ExtractKind.CONVOCATION,
    subject: { sittingId: prepared.sittingId },
    sourceDigest: sourceDigest({ municipality: prepared.municipality.name, source: prepared.source }),
    fileName: prepared.fileName,
    built,
  });
}

function mailText(prepared: PreparedConvocation, name: string): string {
  const { sitting, timeZone } = prepared.source;
  return [
    `Bonjour ${name},`,
    "",
    `Vous êtes convoqué(e) à la ${prepared.mailSubject.replace(/^Convocation : /, "")}, à ${new Intl.DateTimeFormat("fr-FR", { timeZone, hour: "2-digit", minute: "2-digit" }).format(sitting.startsAt).replace(":", "h")}, ${sitting.place}.`,
    "",
    "La convocation signée, avec l'ordre du jour et les notes de synthèse, est jointe à ce message (PDF).",
    "",
    prepared.municipality.name,
  ].join("\n");
}

type SendingRow = { councillorId: string; channel: "EMAIL" | "PAPER"; sentAt: Date; emailAddress: string | null; messageId: string | null };

/** Records the sendings and the urgency, with their audit row: the core, inside the caller's transaction (the seed uses it). */
export async function recordConvocationSendingsInTransaction(
  tx: Tx,
  actor: Editor,
  input: { sittingId: string; urgency: { urgent: boolean; urgencyReason: string | null }; extractSha256: string | null; mode: "manual" | "smtp"; rows: SendingRow[] },
): Promise<{ sendings: number }> {
  if (!input.rows.length) throw new AppError("INVALID_STATE", "Aucun élu en fonction à convoquer pour cette séance.");
  const extract = input.extractSha256 ? await tx.issuedExtract.findUnique({ where: { sha256: input.extractSha256 }, select: { id: true } }) : null;
  const before = await tx.sitting.findUniqueOrThrow({ where: { id: input.sittingId }, select: { urgent: true, urgencyReason: true, convocationDate: true } });
  await tx.sitting.update({ where: { id: input.sittingId }, data: input.urgency });
  await tx.convocationSending.createMany({
    data: input.rows.map((row) => ({ municipalityId: actor.municipalityId, sittingId: input.sittingId, extractId: extract?.id ?? null, ...row })),
  });
  const after = await tx.sitting.findUniqueOrThrow({ where: { id: input.sittingId }, select: { convocationDate: true } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "convocation.send",
    entity: "sitting",
    entityId: input.sittingId,
    before: { urgent: before.urgent, urgencyReason: before.urgencyReason, convocationDate: before.convocationDate?.toISOString().slice(0, 10) ?? null },
    after: {
      mode: input.mode,
      ...input.urgency,
      convocationDate: after.convocationDate?.toISOString().slice(0, 10) ?? null,
      sendings: input.rows.map((row) => ({ councillorId: row.councillorId, channel: row.channel, sentAt: row.sentAt.toISOString(), messageId: row.messageId })),
      extractSha256: input.extractSha256,
      summary: countOf(input.rows.length, "envoi"),
    },
  });
  return { sendings: input.rows.length };
}
