import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { installationActor, type Admin } from "@/lib/auth/roles";
import { councillorData } from "@/lib/councillors/councillor-fields";
import { createCouncillorInTransaction } from "@/lib/councillors/create-councillor";
import type { DeliberationStatus } from "@/lib/db/generated/enums";
import type { Db, Tx } from "@/lib/db/prisma";
import { changeDeliberationStatusInTransaction } from "@/lib/deliberations/change-deliberation-status";
import { createDeliberationInTransaction } from "@/lib/deliberations/create-deliberation";
import { deliberationData } from "@/lib/deliberations/deliberation-fields";
import { publishDeliberationInTransaction } from "@/lib/deliberations/publish-deliberation";
import { recordAttendanceInTransaction } from "@/lib/deliberations/record-attendance";
import { recordPrefectureReceiptInTransaction } from "@/lib/deliberations/record-prefecture-receipt";
import { recordVoteInTransaction } from "@/lib/deliberations/record-vote";
import { DEFAULT_TIME_ZONE, localDateAndTime } from "@/lib/domain/calendar";
import { isAppError } from "@/lib/errors";
import { createSittingInTransaction } from "@/lib/sittings/create-sitting";
import { councillorSchema } from "@/lib/validations/councillor";
import { attendanceSchema, deliberationSchema, receiptSchema, voteSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { demoCouncillors } from "./demo-council";
import { DEMO_GROUPS, seedDemoGroups } from "./demo-groups";
import { demoSittings, type DemoSitting } from "./demo-data";
import { seedDemoMinutes } from "./demo-minutes";
import { DEMO_ANNOUNCED_SITTING, seedDemoAnnouncedSitting } from "./demo-public";
import { seedDemoAgendaDeliberation, seedDemoAgendaOpening, seedDemoConvenedSitting, seedDemoConvocation } from "./demo-convocations";
import { referenceCouncillors, referenceDeliberation, referenceMunicipality, referenceSitting } from "./reference-case";
import { deliberationProblems, parisDay } from "./seed-rules";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { councillorName, type CouncillorSeed, type DeliberationSeed, type Instant, type SittingSeed } from "./types";
import { seedDemoArchive } from "./demo-archive";

// Fills a migrated database with the reference case (Aix-en-Provence,
// DL.2022-91) and, on request, the demo data, through the same use-case cores
// and schemas as a clerk's entry (the installation is the actor: its audit
// rows name no user), so the seed obeys every rule the back office does and
// nothing here restates one. Idempotent by natural keys:
// the municipality's slug, the deliberation's number, the councillors' names,
// the presence of demo sittings. Each part is one transaction: a failure
// leaves nothing of it. The demo data has its own, fictional, council
// (demo-council.ts, flagged isDemo): it never names a real councillor.

export type SeedOptions = {
  /** Also write the demo data (default true). */
  demo?: boolean;
  log?: (line: string) => void;
};

export type SeedResult = {
  reference: "created" | "present";
  demo: "created" | "present" | "skipped";
};

const STATUS_LABELS: Record<DeliberationStatus, string> = {
  DRAFT: "projet",
  VOTED: "votée",
  WITHDRAWN: "retirée",
  TRANSMITTED: "transmise",
  PUBLISHED: "publiée",
};

// Every act goes through the cores (roll call, vote, receipt, publication, each audited): seconds on a quiet machine, over a minute on a loaded one.
const TRANSACTION_OPTIONS = { timeout: 600_000, maxWait: 60_000 };

/** Serialises concurrent seeds (two instances starting at once): the second one finds the first one's rows. */
const SEED_LOCK = 2;

export async function seedDatabase(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const withDemo = options.demo ?? true;
  // Checked against the municipality's derogation windows before its acts are written, in the
  // reference case's transaction: a mistake in the data is reported, and nothing is written.
  const demo = withDemo ? demoSittings() : [];

  const reference = await db.$transaction((tx) => seedReferenceCase(tx, demo, log), TRANSACTION_OPTIONS);
  if (!withDemo) {
    log("Données de démonstration : non demandées.");
    return { reference, demo: "skipped" };
  }
  const demoResult = await db.$transaction((tx) => seedDemoData(tx, demo, log), TRANSACTION_OPTIONS);
  // Its own transaction (the importer opens it): the fictional council's earlier acts, from an SCDL file.
  await seedDemoArchive(db, log);
  return { reference, demo: demoResult };
}

/** The members of `councillors` whose mandate does not cover the day of the sitting opened at `startsAt`. */
function outOfOffice(councillors: readonly CouncillorSeed[], startsAt: Instant): string[] {
  const day = parisDay(startsAt);
  return councillors
    .filter((councillor) => day < councillor.mandateStart || (councillor.mandateEnd !== null && day > councillor.mandateEnd))
    .map((councillor) => `${councillorName(councillor)} n'est pas en fonction le ${day}`);
}

function assertConsistent(demo: readonly DemoSitting[], windows: readonly DerogationWindow[]): void {
  const municipality = {
    windows,
    membersInOffice: referenceMunicipality.membersInOffice,
    departmentCode: referenceMunicipality.departmentCode,
    siren: referenceMunicipality.siren,
  };
  const referenceContext = { ...municipality, councillors: referenceCouncillors.map(councillorName) };
  // The demo sittings are checked against the fictional council only: a real councillor named there is reported.
  const demoContext = { ...municipality, councillors: demoCouncillors.map(councillorName) };
  const realNames = new Set(referenceContext.councillors);
  const problems = [
    ...deliberationProblems(referenceDeliberation, { ...referenceContext, sittingStartsAt: referenceSitting.startsAt }),
    ...outOfOffice(referenceCouncillors, referenceSitting.startsAt),
    ...demoContext.councillors.filter((name) => realNames.has(name)).map((name) => `l'élu fictif « ${name} » porte le nom d'un élu réel`),
    ...demo.flatMap(({ sitting, deliberations }) => [
      ...outOfOffice(demoCouncillors, sitting.startsAt),
      ...deliberations.flatMap((deliberation) => deliberationProblems(deliberation, { ...demoContext, sittingStartsAt: sitting.startsAt })),
    ]),
  ];
  const numbers = [referenceDeliberation, ...demo.flatMap(({ deliberations }) => deliberations)].map(({ number }) => number);
  const duplicates = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (duplicates.length > 0) problems.push(`numéros en double : ${duplicates.join(", ")}`);
  if (problems.length > 0) {
    throw new Error(`Les données du jeu d'essai sont incohérentes :\n- ${problems.join("\n- ")}`);
  }
}

async function lockSeed(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727073, ${SEED_LOCK})`;
}

/** Adds the councillors of one council (real or fictional) not yet there, through the councillor core; returns the names added. */
async function addMissingCouncillors(
  tx: Tx,
  actor: Admin,
  council: readonly CouncillorSeed[],
  isDemo: boolean,
): Promise<string[]> {
  const existing = await tx.councillor.findMany({ where: { municipalityId: actor.municipalityId, isDemo }, select: { firstName: true, lastName: true } });
  const existingNames = new Set(existing.map(councillorName));
  const missing = council.filter((councillor) => !existingNames.has(councillorName(councillor)));
  for (const councillor of missing) {
    const data = councillorData(parseInput(councillorSchema, {
      civility: councillor.civility,
      firstName: councillor.firstName,
      lastName: councillor.lastName,
      role: councillor.role,
      roleLabel: councillor.roleLabel ?? "",
      mandateStart: councillor.mandateStart,
      mandateEnd: councillor.mandateEnd ?? "",
    }));
    const { id } = await createCouncillorInTransaction(tx, actor, { councillor: data });
    // The demo's fictional council is flagged, so that nothing real is ever mistaken for it.
    if (isDemo) await tx.councillor.update({ where: { id }, data: { isDemo: true } });
  }
  return missing.map(councillorName);
}

type CouncillorIds = (name: string) => string;

/** Names to ids, among the real councillors (isDemo false) or among the fictional ones (isDemo true). */
async function councillorIds(tx: Tx, municipalityId: string, isDemo: boolean): Promise<CouncillorIds> {
  const rows = await tx.councillor.findMany({
    where: { municipalityId, isDemo },
    select: { id: true, firstName: true, lastName: true },
    orderBy: { createdAt: "asc" },
  });
  const byName = new Map<string, string>();
  for (const row of rows) {
    const name = councillorName(row);
    if (!byName.has(name)) byName.set(name, row.id);
  }
  return (name) => {
    const id = byName.get(name);
    if (!id) {
      const which = isDemo ? "parmi les élus fictifs" : "parmi les élus";
      throw new Error(`L'élu « ${name} » est introuvable ${which} de la commune « ${referenceMunicipality.name} ».`);
    }
    return id;
  };
}

async function seedReferenceCase(tx: Tx, demo: readonly DemoSitting[], log: (line: string) => void): Promise<SeedResult["reference"]> {
  await lockSeed(tx);
  let municipality = await tx.municipality.findUnique({ where: { slug: referenceMunicipality.slug }, select: { id: true } });
  if (municipality) {
    assertConsistent(demo, await loadDerogationWindows(tx, municipality.id));
    const existing = await tx.deliberation.findFirst({
      where: { municipalityId: municipality.id, number: referenceDeliberation.number, version: 1 },
      select: { id: true },
    });
    if (existing) {
      log(`Cas de référence : la délibération ${referenceDeliberation.number} est déjà enregistrée, rien n'a été écrit.`);
      return "present";
    }
  } else {
    municipality = await tx.municipality.create({ data: { ...referenceMunicipality }, select: { id: true } });
    await appendAuditEvent(tx, {
      municipalityId: municipality.id,
      action: "seed.reference",
      entity: "Municipality",
      entityId: municipality.id,
      after: {
        slug: referenceMunicipality.slug,
        name: referenceMunicipality.name,
        siren: referenceMunicipality.siren,
        siret: referenceMunicipality.siret,
      },
    });
    log(`Commune « ${referenceMunicipality.name} » créée.`);
    // Its derogation windows are the national ones, which the database gave it on creation.
    assertConsistent(demo, await loadDerogationWindows(tx, municipality.id));
  }
  const municipalityId = municipality.id;
  const actor = installationActor(municipalityId);

  // The councillors may already be there (entered by hand): only the missing ones are added.
  const created = await addMissingCouncillors(tx, actor, referenceCouncillors, false);
  if (created.length > 0) {
    await appendAuditEvent(tx, {
      municipalityId,
      action: "seed.reference",
      entity: "Councillor",
      after: { created: created.length, names: created },
    });
    log(`${created.length} élus créés.`);
  }
  const idOf = await councillorIds(tx, municipalityId, false);

  const sittingStartsAt = new Date(referenceSitting.startsAt);
  const sitting =
    (await tx.sitting.findFirst({ where: { municipalityId, startsAt: sittingStartsAt, isDemo: false }, select: { id: true } })) ??
    (await createSitting(tx, actor, idOf, referenceSitting, false));
  const deliberationId = await createDeliberation(tx, actor, sitting.id, idOf, referenceDeliberation);

  const tally = referenceDeliberation.vote?.tally ?? null;
  const count = (status: string) => referenceDeliberation.attendance.filter((entry) => entry.status === status).length;
  await appendAuditEvent(tx, {
    municipalityId,
    action: "seed.reference",
    entity: "Deliberation",
    entityId: deliberationId,
    after: {
      number: referenceDeliberation.number,
      sittingStartsAt: sittingStartsAt.toISOString(),
      status: referenceDeliberation.status,
      outcome: referenceDeliberation.outcome,
      attendance: { present: count("PRESENT"), represented: count("REPRESENTED"), excused: count("EXCUSED"), absent: count("ABSENT") },
      vote: tally,
      actesId: referenceDeliberation.prefectureReceipt?.actesId ?? null,
    },
  });
  log(
    `Délibération ${referenceDeliberation.number} créée et publiée : ${count("PRESENT")} présents, ${count("REPRESENTED")} représentés, ${count("EXCUSED")} excusés ; ${tally?.votesFor ?? 0} voix pour.`,
  );
  return "created";
}

async function seedDemoData(tx: Tx, demo: readonly DemoSitting[], log: (line: string) => void): Promise<SeedResult["demo"]> {
  await lockSeed(tx);
  const municipality = await tx.municipality.findUnique({ where: { slug: referenceMunicipality.slug }, select: { id: true } });
  if (!municipality) {
    throw new Error(`Les données de démonstration supposent la commune « ${referenceMunicipality.slug} », introuvable.`);
  }
  const municipalityId = municipality.id;
  if (await tx.sitting.findFirst({ where: { municipalityId, isDemo: true }, select: { id: true } })) {
    log("Données de démonstration : déjà présentes, rien n'a été écrit.");
    return "present";
  }
  const numbers = demo.flatMap(({ deliberations }) => deliberations.map(({ number }) => number));
  const taken = await tx.deliberation.findMany({ where: { municipalityId, number: { in: numbers } }, select: { number: true } });
  if (taken.length > 0) {
    throw new Error(
      `Les numéros ${taken.map(({ number }) => number).join(", ")} sont déjà utilisés : les données de démonstration ne peuvent pas être ajoutées.`,
    );
  }

  const actor = installationActor(municipalityId);
  // The fictional council: written here, in the demo transaction, flagged isDemo.
  const created = await addMissingCouncillors(tx, actor, demoCouncillors, true);
  if (created.length > 0) {
    await appendAuditEvent(tx, {
      municipalityId,
      action: "seed.demo",
      entity: "Councillor",
      after: { created: created.length, fictional: true, names: created },
    });
    log(`Données de démonstration : ${created.length} élus fictifs créés.`);
  }

  const idOf = await councillorIds(tx, municipalityId, true);
  const memberships = await seedDemoGroups(tx, actor, idOf);
  log(`Données de démonstration : ${DEMO_GROUPS.length} groupes politiques fictifs (${memberships} membres).`);
  const byStatus: Record<string, number> = {};
  const sittingIds: string[] = [];
  let previous: { id: string; startsAt: Date } | null = null;
  for (const { sitting, deliberations } of demo) {
    const { id: sittingId } = await createSitting(tx, actor, idOf, sitting, true);
    sittingIds.push(sittingId);
    // Its agenda and its convocation (demo-convocations.ts), then each act, put on the agenda as its draft is written.
    await seedDemoAgendaOpening(tx, actor, { id: sittingId, previous });
    await seedDemoConvocation(tx, actor, { sittingId, sentDay: sitting.convocationDate });
    for (const deliberation of deliberations) {
      await createDeliberation(tx, actor, sittingId, idOf, deliberation, (deliberationId) =>
        seedDemoAgendaDeliberation(tx, actor, { sittingId, deliberationId, subject: deliberation.subject, report: deliberation.report }),
      );
      byStatus[deliberation.status] = (byStatus[deliberation.status] ?? 0) + 1;
    }
    previous = { id: sittingId, startsAt: new Date(sitting.startsAt) };
  }
  // Each held sitting's PV, submitted to the next one (whose agenda opens with its approval), adopted there and published.
  const minutes = await seedDemoMinutes(tx, actor, sittingIds);
  log(`Données de démonstration : ${minutes.published} procès-verbaux adoptés et publiés, ${minutes.drafts} en projet.`);
  if (previous) {
    // The fictional council's next sitting, convened on time with its agenda, not yet held (demo-public.ts)…
    await seedDemoAnnouncedSitting(tx, actor, previous.id, {
      createSitting: (sitting) => createSitting(tx, actor, idOf, sitting, true),
      createDeliberation: (sittingId, deliberation) => createDeliberation(tx, actor, sittingId, idOf, deliberation),
    });
    log(`Données de démonstration : une séance convoquée, non encore tenue (${DEMO_ANNOUNCED_SITTING.startsAt.slice(0, 10)}), avec son ordre du jour.`);
    // …and an extraordinary one convened in urgency (demo-convocations.ts).
    await seedDemoConvenedSitting(tx, actor, idOf, null);
    log("Données de démonstration : une séance extraordinaire convoquée en urgence le 11 février 2020 pour le 13, son ordre du jour de toutes natures.");
  }
  await appendAuditEvent(tx, {
    municipalityId,
    action: "seed.demo",
    entity: "Sitting",
    after: {
      sittings: demo.map(({ sitting, deliberations }) => ({
        startsAt: new Date(sitting.startsAt).toISOString(),
        deliberations: deliberations.map(({ number }) => number),
      })),
      deliberationsByStatus: byStatus,
    },
  });
  const statusWording = Object.entries(byStatus)
    .map(([status, count]) => `${STATUS_LABELS[status as DeliberationStatus]} : ${count}`)
    .join(", ");
  log(`Données de démonstration : ${demo.length} séances et ${numbers.length} délibérations créées (${statusWording}).`);
  return "created";
}

/** A sitting, through the sitting core, as the "Nouvelle séance" form sends it. */
async function createSitting(tx: Tx, actor: Admin, idOf: CouncillorIds, sitting: SittingSeed<string>, isDemo: boolean): Promise<{ id: string }> {
  const { date, time } = localDateAndTime(new Date(sitting.startsAt), DEFAULT_TIME_ZONE);
  const data = parseInput(sittingSchema, {
    date,
    time,
    place: sitting.place,
    kind: sitting.kind,
    isPublic: sitting.isPublic,
    convocationDate: sitting.convocationDate,
    convenedById: idOf(sitting.convenedBy),
    presidentId: idOf(sitting.president),
    secretaryId: idOf(sitting.secretary),
    reconvened: sitting.reconvened,
    membersInOffice: "",
    listPostedAt: sitting.listPostedAt ?? "",
  });
  const created = await createSittingInTransaction(tx, actor, { sitting: data });
  // Flagged before any of its acts exists: its deliberations inherit the flag, and a published act's sitting no longer changes.
  if (isDemo) await tx.sitting.update({ where: { id: created.id }, data: { isDemo: true } });
  return created;
}

/**
 * One deliberation and what it records, step by step through the cores a
 * clerk's forms call: the draft, the roll call, the vote or the withdrawal,
 * the prefecture's receipt, the publication at its historical instant.
 */
async function createDeliberation(
  tx: Tx,
  actor: Admin,
  sittingId: string,
  idOf: CouncillorIds,
  seed: DeliberationSeed<string>,
  afterDraft?: (deliberationId: string) => Promise<void>,
): Promise<string> {
  try {
    return await writeDeliberation(tx, actor, sittingId, idOf, seed, afterDraft);
  } catch (error) {
    // A core's refusal (AppError, DomainError) says what is wrong, in French; the seed adds which act.
    if (error instanceof Error && !error.message.startsWith(seed.number)) {
      const fields = isAppError(error) && error.fieldErrors ? ` (${Object.entries(error.fieldErrors).map(([field, messages]) => `${field} : ${messages.join(" ")}`).join(" ; ")})` : "";
      throw new Error(`${seed.number} : ${error.message}${fields}`, { cause: error });
    }
    throw error;
  }
}

async function writeDeliberation(
  tx: Tx,
  actor: Admin,
  sittingId: string,
  idOf: CouncillorIds,
  seed: DeliberationSeed<string>,
  afterDraft?: (deliberationId: string) => Promise<void>,
): Promise<string> {
  const optionalId = (name: string | null) => (name === null ? "" : idOf(name));
  const deliberation = deliberationData(parseInput(deliberationSchema, {
    number: seed.number,
    orderInSitting: String(seed.orderInSitting),
    subject: seed.subject,
    reportSubject: seed.reportSubject ?? "",
    rapporteurId: optionalId(seed.rapporteur),
    service: seed.service ?? "",
    matterCode: seed.matterCode,
    policyHeading: seed.policyHeading ?? "",
    report: seed.report,
    proposals: seed.proposals,
    cosignatoryId: optionalId(seed.cosignatory),
    cosignatoryTitle: seed.cosignatoryTitle ?? "",
  }));
  const { id: deliberationId } = await createDeliberationInTransaction(tx, actor, { sittingId, deliberation });
  await afterDraft?.(deliberationId);

  if (seed.attendance.length > 0) {
    const { entries } = parseInput(attendanceSchema, {
      entries: seed.attendance.map((entry) => ({
        councillorId: idOf(entry.councillor),
        status: entry.status,
        proxyHolderId: entry.status === "REPRESENTED" ? idOf(entry.proxyHolder) : "",
        note: entry.note ?? "",
      })),
    });
    await recordAttendanceInTransaction(tx, actor, { deliberationId, entries });
  }

  if (seed.vote) {
    const { secret, tally, castingVote, records } = seed.vote;
    const vote = parseInput(
      voteSchema,
      secret
        ? { secret, votesFor: String(tally.votesFor), votesAgainst: String(tally.votesAgainst), abstentions: String(tally.abstentions), nonParticipation: String(tally.nonParticipation) }
        : {
            secret,
            // The form sends those who did not vote for; everyone else present or represented did.
            choices: records.filter((record) => record.choice !== "FOR").map((record) => ({ councillorId: idOf(record.councillor), choice: record.choice })),
            castingVote: castingVote ?? "",
          },
    );
    await recordVoteInTransaction(tx, actor, { deliberationId, vote });
  } else if (seed.outcome === "WITHDRAWN") {
    await changeDeliberationStatusInTransaction(tx, actor, { deliberationId, change: "WITHDRAW" });
  }

  if (seed.prefectureReceipt) {
    const receipt = parseInput(receiptSchema, {
      actesId: seed.prefectureReceipt.actesId,
      receivedAt: seed.prefectureReceipt.receivedAt,
      signedAt: seed.prefectureReceipt.signedAt ?? seed.signedAt ?? "",
      postedAt: seed.postedAt ?? "",
    });
    await recordPrefectureReceiptInTransaction(tx, actor, { deliberationId, receipt });
  }

  if (seed.status === "PUBLISHED" && seed.publishedAt !== null) {
    await publishDeliberationInTransaction(tx, actor, { deliberationId, publishedAt: new Date(seed.publishedAt), now: new Date() });
  }
  return deliberationId;
}
