import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { migrate } from "@/lib/db/migrate";
import { composeDeliberation, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./french-text";
import { chance, createRng, pick, pickDistinct, randomInt, randomUuid, type Rng } from "./prng";

// A synthetic archive for the benchmark: one municipality, twenty years of
// sittings, some 21,000 published deliberations with their roll calls, votes
// and prefecture receipts. Written with plain SQL, one statement per table and
// per year, in one of two ways: through the database's own rules (INSERT …
// SELECT FROM unnest(…); each deliberation inserted TRANSMITTED, its rows
// added, then published), or by COPY with the triggers off and what they
// write written set-wise (the million-act archive: see copyYear).
// Deterministic: the same seed gives the same archive, whichever the writer
// (row ids of attendance and vote records excepted, left to gen_random_uuid(),
// and the times the database stamps).
//
//   DATABASE_URL=postgresql://… npx tsx tests/bench/synthetic-archive.ts

export const ARCHIVE_SEED = "registre-bench-1";
export const FIRST_YEAR = 2006;
export const LAST_YEAR = 2025;
const MEMBERS = 49;
const SITTING_MONTHS = [2, 3, 4, 5, 6, 7, 9, 10, 11, 12];
const DELIBERATIONS_PER_SITTING = { min: 90, max: 120 };
/** Municipal elections: each date installs a new council (six-year mandates, 2020 delayed by the epidemic). */
const TERM_STARTS = ["2001-03-18", "2008-03-16", "2014-03-30", "2020-07-04"];
const DEPUTY_SEATS = { first: 1, last: 14 };
const DELEGATED_SEATS = { first: 15, last: 24 };
const OPPOSITION_FIRST_SEAT = 40;
/** Since 1 July 2022 the secretary of the sitting signs the acts with the mayor. */
const COSIGNATURE_SINCE = "2022-07-01";

export const BENCH_MUNICIPALITY = {
  slug: "bench-ville",
  name: "Ville de Bench-Ville",
  communeName: "Bench-Ville",
  siren: "211300017",
  siret: "21130001700011",
  departmentCode: "013",
  address: "Hôtel de Ville, place de la Mairie, 13100 Bench-Ville",
  email: "assemblees@bench-ville.example.fr",
  phone: "04 42 00 00 00",
  website: "https://www.bench-ville.example.fr",
  administrativeCourt: "Tribunal administratif de Marseille",
  appealNotice:
    "La présente délibération peut faire l'objet d'un recours contentieux devant le Tribunal administratif de Marseille " +
    "dans un délai de deux mois à compter de sa publication. Le tribunal peut être saisi par l'application " +
    "Télérecours citoyens accessible sur le site www.telerecours.fr.",
  annexNotice: "Les annexes non publiées en ligne peuvent être consultées au service des Assemblées, Hôtel de Ville, aux heures d'ouverture.",
} as const;

/** A municipality of the archive: the bench's own, or one of the neighbours sharing its database (million-archive.ts). */
export type ArchiveMunicipality = { [Key in keyof typeof BENCH_MUNICIPALITY]: string };

type Civility = "MONSIEUR" | "MADAME";
type CouncillorRole = "MAYOR" | "DEPUTY_MAYOR" | "DELEGATED_COUNCILLOR" | "COUNCILLOR";
type AttendanceStatus = "PRESENT" | "REPRESENTED" | "EXCUSED" | "ABSENT";
type VoteChoice = "FOR" | "AGAINST" | "ABSTENTION" | "NOT_VOTING";

export type PlannedCouncillor = {
  id: string;
  seat: number;
  civility: Civility;
  firstName: string;
  lastName: string;
  role: CouncillorRole;
  roleLabel: string | null;
  firstTerm: number;
  lastTerm: number;
};

export type PlannedSitting = {
  id: string;
  /** The Paris calendar day, also the sitting's public address. */
  day: string;
  /** Local time in Paris, as PostgreSQL reads it. */
  startsAt: string;
  kind: "ORDINARY" | "EXTRAORDINARY";
  place: string;
  convocationDate: string;
  listPostedAt: string;
  /** Index into the plan's terms. */
  term: number;
  secretary: PlannedCouncillor;
  firstSequence: number;
  deliberationCount: number;
};

export type ArchivePlan = {
  seed: string;
  /** The municipality's id, from its own draw so that the rest of the plan does not depend on it. */
  municipalityId: string;
  councillors: PlannedCouncillor[];
  /** For each term, its 49 members by seat (seat 0 is the mayor). */
  terms: PlannedCouncillor[][];
  sittings: PlannedSitting[];
  deliberationCount: number;
};

// ---------------------------------------------------------------- dates

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

function termOf(day: string): number {
  let term = 0;
  TERM_STARTS.forEach((start, index) => {
    if (start <= day) term = index;
  });
  return term;
}

// ---------------------------------------------------------------- plan

function seatRole(seat: number, civility: Civility): { role: CouncillorRole; roleLabel: string | null } {
  const feminine = civility === "MADAME";
  if (seat === 0) return { role: "MAYOR", roleLabel: null };
  if (seat <= DEPUTY_SEATS.last) {
    const rank = seat === 1 ? (feminine ? "1re" : "1er") : `${seat}e`;
    return { role: "DEPUTY_MAYOR", roleLabel: `${rank} adjoint${feminine ? "e" : ""}` };
  }
  if (seat <= DELEGATED_SEATS.last) return { role: "DELEGATED_COUNCILLOR", roleLabel: null };
  return { role: "COUNCILLOR", roleLabel: null };
}

/**
 * The councillors and sittings: cheap to compute, so the bench can check an existing archive against it.
 * `scale` multiplies the deliberations of each sitting (1, the default, is the archive above; 5 gives
 * some 105,000 for the search benchmark); the same seed and scale always give the same plan.
 */
export function planArchive(seed = ARCHIVE_SEED, scale = 1): ArchivePlan {
  const rng = createRng(`${seed}:plan`);
  const usedNames = new Set<string>();
  const councillors: PlannedCouncillor[] = [];

  const electPerson = (seat: number, term: number): PlannedCouncillor => {
    for (;;) {
      const civility: Civility = chance(rng, 0.5) ? "MADAME" : "MONSIEUR";
      const firstName = pick(rng, civility === "MADAME" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const lastName = pick(rng, LAST_NAMES);
      const key = `${firstName} ${lastName}`;
      if (usedNames.has(key)) continue;
      usedNames.add(key);
      const councillor = { id: randomUuid(rng), seat, civility, firstName, lastName, ...seatRole(seat, civility), firstTerm: term, lastTerm: term };
      councillors.push(councillor);
      return councillor;
    }
  };

  const terms: PlannedCouncillor[][] = [];
  TERM_STARTS.forEach((_, term) => {
    const previous = terms[term - 1];
    const seats = Array.from({ length: MEMBERS }, (_, seat) => {
      const incumbent = previous?.[seat];
      const reelection = seat === 0 ? 0.7 : seat >= OPPOSITION_FIRST_SEAT ? 0.45 : 0.55;
      if (incumbent && chance(rng, reelection)) {
        incumbent.lastTerm = term;
        return incumbent;
      }
      return electPerson(seat, term);
    });
    terms.push(seats);
  });

  const sittings: PlannedSitting[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    let sequence = 0;
    for (const month of SITTING_MONTHS) {
      let day = `${year}-${String(month).padStart(2, "0")}-${String(randomInt(rng, 3, 24)).padStart(2, "0")}`;
      // A weekday, and never the day a new council is installed.
      while (weekday(day) === 0 || weekday(day) === 6 || TERM_STARTS.includes(day)) day = addDays(day, 1);
      const term = termOf(day);
      const members = terms[term] ?? [];
      const deliberationCount = randomInt(rng, Math.round(DELIBERATIONS_PER_SITTING.min * scale), Math.round(DELIBERATIONS_PER_SITTING.max * scale));
      sittings.push({
        id: randomUuid(rng),
        day,
        startsAt: `${day} ${term % 2 === 0 ? "18:00" : "14:30"}:00 Europe/Paris`,
        kind: chance(rng, 0.05) ? "EXTRAORDINARY" : "ORDINARY",
        place: year === 2020 && month >= 5 && month <= 7 ? "Salle polyvalente du complexe sportif du Val Fleuri" : "Salle du Conseil municipal de l'Hôtel de Ville",
        convocationDate: addDays(day, -randomInt(rng, 6, 9)),
        listPostedAt: addDays(day, randomInt(rng, 2, 7)),
        term,
        secretary: pick(rng, members.slice(DELEGATED_SEATS.last + 1, OPPOSITION_FIRST_SEAT)),
        firstSequence: sequence + 1,
        deliberationCount,
      });
      sequence += deliberationCount;
    }
  }

  return {
    seed,
    municipalityId: randomUuid(createRng(`${seed}:municipality`)),
    councillors,
    terms,
    sittings,
    deliberationCount: sittings.reduce((sum, sitting) => sum + sitting.deliberationCount, 0),
  };
}

// ---------------------------------------------------------------- one year's rows

type DeliberationRow = {
  id: string;
  sittingId: string;
  number: string;
  year: number;
  sequence: number;
  orderInSitting: number;
  subject: string;
  reportSubject: string | null;
  rapporteurId: string;
  service: string;
  matterCode: string;
  policyHeading: string;
  report: string;
  proposals: string;
  votedAt: string;
  signedAt: string;
  postedAt: string;
  transmittedAt: string;
  publishedAt: string;
  cosignatoryId: string | null;
  cosignatoryTitle: string | null;
};

type AttendanceRow = { deliberationId: string; councillorId: string; status: AttendanceStatus; proxyHolderId: string | null; note: string | null };

type VoteRow = {
  id: string;
  deliberationId: string;
  secret: boolean;
  present: number;
  represented: number;
  abstentions: number;
  nonParticipation: number;
  votesFor: number;
  votesAgainst: number;
};

type VoteRecordRow = { voteId: string; councillorId: string; choice: VoteChoice };

type ReceiptRow = { deliberationId: string; actesId: string; receivedAt: string; signedAt: string };

type YearRows = {
  deliberations: DeliberationRow[];
  attendances: AttendanceRow[];
  votes: VoteRow[];
  voteRecords: VoteRecordRow[];
  receipts: ReceiptRow[];
};

type Presence = { status: AttendanceStatus; proxyHolder: PlannedCouncillor | null; note: string | null };

/**
 * The roll call of each deliberation of a sitting: most members present, a few
 * represented (one proxy at most per holder, always a member present throughout),
 * excused or absent; a couple arrive late or leave early, giving a proxy.
 */
function sittingRollCalls(rng: Rng, members: PlannedCouncillor[], secretary: PlannedCouncillor, deliberationCount: number): Map<string, Presence>[] {
  const [mayor] = members;
  const baseline = new Map<string, Presence>();
  for (const member of members) {
    const present = member === mayor || member === secretary || chance(rng, 0.86);
    baseline.set(member.id, { status: present ? "PRESENT" : "EXCUSED", proxyHolder: null, note: null });
  }
  const presentThroughout = members.filter((member) => baseline.get(member.id)?.status === "PRESENT");
  const holders = new Set<string>();
  const freeHolder = (except: PlannedCouncillor[]): PlannedCouncillor | null => {
    const candidates = presentThroughout.filter((member) => !holders.has(member.id) && !except.includes(member));
    if (candidates.length === 0) return null;
    const holder = pick(rng, candidates);
    holders.add(holder.id);
    return holder;
  };

  const leaving = pickDistinct(
    rng,
    presentThroughout.filter((member) => member !== mayor && member !== secretary),
    randomInt(rng, 0, 2),
  );
  for (const member of members) {
    const presence = baseline.get(member.id);
    if (!presence || presence.status === "PRESENT") continue;
    const roll = rng();
    const holder = roll < 0.55 ? freeHolder(leaving) : null;
    if (holder) baseline.set(member.id, { status: "REPRESENTED", proxyHolder: holder, note: null });
    else if (roll >= 0.9) baseline.set(member.id, { status: "ABSENT", proxyHolder: null, note: null });
  }

  const late = pickDistinct(
    rng,
    members.filter((member) => baseline.get(member.id)?.status === "ABSENT" || baseline.get(member.id)?.status === "EXCUSED"),
    randomInt(rng, 0, 2),
  ).map((member) => ({ member, from: randomInt(rng, 1, Math.floor(deliberationCount / 3)) }));
  const early = leaving.flatMap((member) => {
    const holder = freeHolder(leaving);
    return holder ? [{ member, holder, from: randomInt(rng, Math.floor((2 * deliberationCount) / 3), deliberationCount - 1) }] : [];
  });

  return Array.from({ length: deliberationCount }, (_, index) => {
    const rollCall = new Map(baseline);
    for (const { member, from } of late) {
      if (index >= from) {
        rollCall.set(member.id, { status: "PRESENT", proxyHolder: null, note: member.civility === "MADAME" ? "Arrivée en cours de séance" : "Arrivé en cours de séance" });
      }
    }
    for (const { member, holder, from } of early) {
      if (index >= from) rollCall.set(member.id, { status: "REPRESENTED", proxyHolder: holder, note: "A quitté la séance et donné pouvoir" });
    }
    return rollCall;
  });
}

type Stance = "UNANIMOUS" | "AGAINST" | "ABSTENTION" | "SPLIT";

/** Each voter's choice: the majority for, the opposition by its stance, now and then one member not taking part. */
function voteChoices(rng: Rng, members: PlannedCouncillor[], rollCall: Map<string, Presence>): Map<string, VoteChoice> {
  const roll = rng();
  const stance: Stance = roll < 0.68 ? "UNANIMOUS" : roll < 0.84 ? "AGAINST" : roll < 0.96 ? "ABSTENTION" : "SPLIT";
  const voters = members.filter((member) => {
    const status = rollCall.get(member.id)?.status;
    return status === "PRESENT" || status === "REPRESENTED";
  });
  const majorityPresent = voters.filter(
    (member) => member.seat > 0 && member.seat < OPPOSITION_FIRST_SEAT && rollCall.get(member.id)?.status === "PRESENT",
  );
  // A member with an interest in the matter does not take part (L2131-11).
  const notVoting = majorityPresent.length > 0 && chance(rng, 0.04) ? pick(rng, majorityPresent) : undefined;
  const choices = new Map<string, VoteChoice>();
  for (const voter of voters) {
    let choice: VoteChoice = "FOR";
    if (voter === notVoting) choice = "NOT_VOTING";
    else if (voter.seat >= OPPOSITION_FIRST_SEAT) {
      if (stance === "AGAINST" || stance === "ABSTENTION") choice = stance;
      else if (stance === "SPLIT") choice = pick(rng, ["FOR", "AGAINST", "ABSTENTION"] as const);
    }
    choices.set(voter.id, choice);
  }
  return choices;
}

function rapporteurFor(rng: Rng, members: PlannedCouncillor[], policyHeading: string): PlannedCouncillor {
  const deputies = DEPUTY_SEATS.last - DEPUTY_SEATS.first + 1;
  const seat = chance(rng, 0.12)
    ? randomInt(rng, DELEGATED_SEATS.first, DELEGATED_SEATS.last)
    : DEPUTY_SEATS.first + ([...policyHeading].reduce((sum, character) => sum + character.charCodeAt(0), 0) % deputies);
  const rapporteur = members[seat];
  if (!rapporteur) throw new Error(`No councillor in seat ${seat}`);
  return rapporteur;
}

/**
 * One year's rows. Before `rollCallsFrom`, the acts carry their vote's figures
 * but no named roll call and no named votes (a share of the archive, when a
 * full roll call for every act would not fit: million-archive.ts).
 */
function buildYear(plan: ArchivePlan, year: number, municipality: ArchiveMunicipality, rollCallsFrom: number): YearRows {
  const rng = createRng(`${plan.seed}:${year}`);
  const rows: YearRows = { deliberations: [], attendances: [], votes: [], voteRecords: [], receipts: [] };
  for (const sitting of plan.sittings.filter((candidate) => candidate.day.startsWith(`${year}-`))) {
    const members = plan.terms[sitting.term] ?? [];
    const mayor = members[0];
    if (!mayor) throw new Error(`No mayor for term ${sitting.term}`);
    const mayorTitle = mayor.civility === "MADAME" ? "Madame le Maire" : "Monsieur le Maire";
    const rollCalls = sittingRollCalls(rng, members, sitting.secretary, sitting.deliberationCount);
    rollCalls.forEach((rollCall, index) => {
      const sequence = sitting.firstSequence + index;
      const id = randomUuid(rng);
      const text = composeDeliberation(rng, { year, mayorTitle, communeName: municipality.communeName });
      const signedAt = addDays(sitting.day, randomInt(rng, 0, 2));
      const transmittedAt = addDays(signedAt, randomInt(rng, 1, 4));
      const cosigned = sitting.day >= COSIGNATURE_SINCE;
      rows.deliberations.push({
        id,
        sittingId: sitting.id,
        number: `DL.${year}-${sequence}`,
        year,
        sequence,
        orderInSitting: index + 1,
        subject: text.subject,
        reportSubject: text.reportSubject,
        rapporteurId: rapporteurFor(rng, members, text.policyHeading).id,
        service: text.service,
        matterCode: text.matterCode,
        policyHeading: text.policyHeading,
        report: text.report,
        proposals: text.proposals,
        votedAt: sitting.day,
        signedAt,
        postedAt: addDays(signedAt, randomInt(rng, 0, 3)),
        transmittedAt,
        publishedAt: `${addDays(transmittedAt, 1)} 10:${String(randomInt(rng, 0, 59)).padStart(2, "0")}:00 Europe/Paris`,
        cosignatoryId: cosigned ? sitting.secretary.id : null,
        cosignatoryTitle: cosigned ? "Secrétaire de séance" : null,
      });

      const named = year >= rollCallsFrom;
      for (const member of named ? members : []) {
        const presence = rollCall.get(member.id);
        if (!presence) continue;
        rows.attendances.push({ deliberationId: id, councillorId: member.id, status: presence.status, proxyHolderId: presence.proxyHolder?.id ?? null, note: presence.note });
      }

      const choices = voteChoices(rng, members, rollCall);
      const count = (choice: VoteChoice) => [...choices.values()].filter((candidate) => candidate === choice).length;
      const statuses = [...rollCall.values()].map((presence) => presence.status);
      if (count("FOR") <= count("AGAINST")) throw new Error(`${year}-${sequence}: the majority should carry every vote`);
      const voteId = randomUuid(rng);
      const secret = text.mayBeSecret && chance(rng, 0.25);
      rows.votes.push({
        id: voteId,
        deliberationId: id,
        secret,
        present: statuses.filter((status) => status === "PRESENT").length,
        represented: statuses.filter((status) => status === "REPRESENTED").length,
        abstentions: count("ABSTENTION"),
        nonParticipation: count("NOT_VOTING"),
        votesFor: count("FOR"),
        votesAgainst: count("AGAINST"),
      });
      // A secret ballot names no one.
      if (!secret && named) for (const [councillorId, choice] of choices) rows.voteRecords.push({ voteId, councillorId, choice });

      rows.receipts.push({
        deliberationId: id,
        actesId: `${municipality.departmentCode}-${municipality.siren}-${sitting.day.replaceAll("-", "")}-lmc1${String(year).slice(2)}${String(sequence).padStart(4, "0")}-DE-1-1`,
        receivedAt: transmittedAt,
        signedAt,
      });
    });
  }
  return rows;
}

// ---------------------------------------------------------------- SQL

type Column<Row> = { name: string; type: string; value: (row: Row) => unknown };

/** One table's rows: columns of the same value for every row (constants, as text), then the rows' own. */
type TableRows<Row> = { table: string; constants: Record<string, string>; columns: Column<Row>[]; rows: Row[] };

/** One INSERT … SELECT FROM unnest(…) for many rows: one array parameter per column. */
async function insertRows<Row>(client: pg.ClientBase, { table, constants, columns, rows }: TableRows<Row>) {
  if (rows.length === 0) return;
  const names = [...Object.keys(constants), ...columns.map((column) => column.name)];
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`);
  const unnested = columns.map((_, index) => `u${index}`);
  await client.query(
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")})
     SELECT ${[...Object.values(constants).map((value) => client.escapeLiteral(value)), ...unnested].join(", ")}
     FROM unnest(${arrays.join(", ")}) AS u(${unnested.join(", ")})`,
    columns.map((column) => rows.map(column.value)),
  );
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return text.replace(/[\\\n\r\t]/g, (character) => COPY_ESCAPES[character] ?? character);
}

/** The same rows through COPY … FROM STDIN, streamed a few hundred lines at a time. */
async function copyRows<Row>(client: pg.ClientBase, { table, constants, columns, rows }: TableRows<Row>) {
  if (rows.length === 0) return;
  const names = [...Object.keys(constants), ...columns.map((column) => column.name)];
  const fixed = Object.values(constants).map(copyField);
  function* chunks() {
    for (let start = 0; start < rows.length; start += 500) {
      yield rows
        .slice(start, start + 500)
        .map((row) => `${[...fixed, ...columns.map((column) => copyField(column.value(row)))].join("\t")}\n`)
        .join("");
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY "${table}" (${names.map((name) => `"${name}"`).join(", ")}) FROM STDIN`)));
}

const DELIBERATION_COLUMNS: Column<DeliberationRow>[] = [
  { name: "id", type: "uuid", value: (row) => row.id },
  { name: "sitting_id", type: "uuid", value: (row) => row.sittingId },
  { name: "number", type: "text", value: (row) => row.number },
  { name: "year", type: "int", value: (row) => row.year },
  { name: "sequence", type: "int", value: (row) => row.sequence },
  { name: "order_in_sitting", type: "int", value: (row) => row.orderInSitting },
  { name: "subject", type: "text", value: (row) => row.subject },
  { name: "report_subject", type: "text", value: (row) => row.reportSubject },
  { name: "rapporteur_id", type: "uuid", value: (row) => row.rapporteurId },
  { name: "service", type: "text", value: (row) => row.service },
  { name: "matter_code", type: "text", value: (row) => row.matterCode },
  { name: "policy_heading", type: "text", value: (row) => row.policyHeading },
  { name: "report", type: "text", value: (row) => row.report },
  { name: "proposals", type: "text", value: (row) => row.proposals },
  { name: "voted_at", type: "date", value: (row) => row.votedAt },
  { name: "signed_at", type: "date", value: (row) => row.signedAt },
  { name: "posted_at", type: "date", value: (row) => row.postedAt },
  { name: "transmitted_at", type: "date", value: (row) => row.transmittedAt },
  { name: "cosignatory_id", type: "uuid", value: (row) => row.cosignatoryId },
  { name: "cosignatory_title", type: "text", value: (row) => row.cosignatoryTitle },
];

/**
 * A year's rows table by table, in the order their foreign keys ask. `published`: the acts are written as
 * published at once (the COPY writer) rather than transmitted, then published (the rules' order).
 */
async function writeYearTables(
  municipalityId: string,
  rows: YearRows,
  published: boolean,
  write: <Row>(table: TableRows<Row>) => Promise<void>,
) {
  const municipality = { municipality_id: municipalityId };
  await write({
    table: "deliberation",
    constants: { ...municipality, status: published ? "PUBLISHED" : "TRANSMITTED", outcome: "ADOPTED" },
    columns: published ? [...DELIBERATION_COLUMNS, { name: "published_at", type: "timestamptz", value: (row) => row.publishedAt }] : DELIBERATION_COLUMNS,
    rows: rows.deliberations,
  });
  await write<AttendanceRow>({ table: "attendance", constants: municipality, rows: rows.attendances, columns: [
    { name: "deliberation_id", type: "uuid", value: (row) => row.deliberationId },
    { name: "councillor_id", type: "uuid", value: (row) => row.councillorId },
    { name: "status", type: "attendance_status", value: (row) => row.status },
    { name: "proxy_holder_id", type: "uuid", value: (row) => row.proxyHolderId },
    { name: "note", type: "text", value: (row) => row.note },
  ] });
  // The tally identities of the database (L2121-20) are derived here, not restated.
  await write<VoteRow>({ table: "vote", constants: { ...municipality, result: "ADOPTED" }, rows: rows.votes, columns: [
    { name: "id", type: "uuid", value: (row) => row.id },
    { name: "deliberation_id", type: "uuid", value: (row) => row.deliberationId },
    { name: "secret", type: "boolean", value: (row) => row.secret },
    { name: "present_and_represented", type: "int", value: (row) => row.present + row.represented },
    { name: "present", type: "int", value: (row) => row.present },
    { name: "represented", type: "int", value: (row) => row.represented },
    { name: "abstentions", type: "int", value: (row) => row.abstentions },
    { name: "non_participation", type: "int", value: (row) => row.nonParticipation },
    { name: "expressed", type: "int", value: (row) => row.votesFor + row.votesAgainst },
    { name: "votes_for", type: "int", value: (row) => row.votesFor },
    { name: "votes_against", type: "int", value: (row) => row.votesAgainst },
  ] });
  await write<VoteRecordRow>({ table: "vote_record", constants: municipality, rows: rows.voteRecords, columns: [
    { name: "vote_id", type: "uuid", value: (row) => row.voteId },
    { name: "councillor_id", type: "uuid", value: (row) => row.councillorId },
    { name: "choice", type: "vote_choice", value: (row) => row.choice },
  ] });
  await write<ReceiptRow>({ table: "prefecture_receipt", constants: municipality, rows: rows.receipts, columns: [
    { name: "deliberation_id", type: "uuid", value: (row) => row.deliberationId },
    { name: "actes_id", type: "text", value: (row) => row.actesId },
    { name: "received_at", type: "date", value: (row) => row.receivedAt },
    { name: "signed_at", type: "date", value: (row) => row.signedAt },
  ] });
}

async function inTransaction(client: pg.ClientBase, work: () => Promise<void>) {
  await client.query("BEGIN");
  try {
    await work();
    // The deferred checks (counts, proxy holders, snapshots) run here.
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Through every rule: each act inserted transmitted, its rows added, then published (which takes its snapshot). */
async function insertYear(client: pg.ClientBase, municipalityId: string, rows: YearRows) {
  await inTransaction(client, async () => {
    await writeYearTables(municipalityId, rows, false, (table) => insertRows(client, table));
    // Publication last: the database refuses rows added to a published deliberation.
    await client.query(
      `UPDATE deliberation AS d SET status = 'PUBLISHED', published_at = u.published_at, updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, published_at) WHERE d.id = u.id`,
      [rows.deliberations.map((row) => row.id), rows.deliberations.map((row) => row.publishedAt)],
    );
  });
}

/**
 * The same rows through COPY, with the triggers off for the transaction (session_replication_role, a
 * superuser's setting): each act written once, already published, instead of inserted then rewritten by its
 * publication through a dozen row triggers. What those triggers write is written here set-wise: the
 * snapshots now, the sittings' public addresses once every year is in (assignPublicSlugs). The check
 * constraints, unique indexes and not-null columns still apply; the rules the triggers check are not run, so
 * tests/integration/archive-copy-writer.test.ts compares this writer with insertYear's on the same plan.
 */
async function copyYear(client: pg.ClientBase, municipalityId: string, rows: YearRows) {
  await inTransaction(client, async () => {
    await client.query("SET LOCAL session_replication_role = replica");
    await writeYearTables(municipalityId, rows, true, (table) => copyRows(client, table));
    // The publication's snapshot (deliberation_snapshot_take), by the same functions.
    await client.query(
      `INSERT INTO deliberation_snapshot (deliberation_id, municipality_id, municipality_record, record)
       SELECT u.id, $2::uuid, m.record, deliberation_record(u.id)
       FROM unnest($1::uuid[]) AS u(id) CROSS JOIN (SELECT municipality_record($2::uuid) AS record) AS m`,
      [rows.deliberations.map((row) => row.id), municipalityId],
    );
  });
}

/** What the first published act of each sitting does through the rules (deliberation_published_sitting_slug). */
async function assignPublicSlugs(client: pg.ClientBase, municipalityId: string) {
  await client.query(
    `SELECT assign_sitting_public_slug(s.id) FROM sitting s
     WHERE s.municipality_id = $1 AND EXISTS (SELECT 1 FROM deliberation d WHERE d.sitting_id = s.id AND d.status = 'PUBLISHED')`,
    [municipalityId],
  );
}

async function insertMunicipalityAndSittings(client: pg.ClientBase, plan: ArchivePlan, m: ArchiveMunicipality): Promise<string> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO municipality (id, slug, name, commune_name, siren, siret, department_code, address, email, phone, website,
         administrative_court, members_in_office, appeal_notice, annex_notice)
       VALUES ($15, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [m.slug, m.name, m.communeName, m.siren, m.siret, m.departmentCode, m.address, m.email, m.phone, m.website,
        m.administrativeCourt, MEMBERS, m.appealNotice, m.annexNotice, plan.municipalityId],
    );
    const municipalityId = rows[0]?.id;
    if (!municipalityId) throw new Error("The municipality was not inserted");
    const municipality = { municipality_id: municipalityId };
    const lastTerm = TERM_STARTS.length - 1;
    await insertRows<PlannedCouncillor>(client, { table: "councillor", constants: municipality, rows: plan.councillors, columns: [
      { name: "id", type: "uuid", value: (row) => row.id },
      { name: "civility", type: "civility", value: (row) => row.civility },
      { name: "first_name", type: "text", value: (row) => row.firstName },
      { name: "last_name", type: "text", value: (row) => row.lastName },
      { name: "role", type: "councillor_role", value: (row) => row.role },
      { name: "role_label", type: "text", value: (row) => row.roleLabel },
      { name: "mandate_start", type: "date", value: (row) => TERM_STARTS[row.firstTerm] },
      { name: "mandate_end", type: "date", value: (row) => (row.lastTerm === lastTerm ? null : TERM_STARTS[row.lastTerm + 1]) },
    ] });
    const mayorOf = (sitting: PlannedSitting) => plan.terms[sitting.term]?.[0]?.id;
    await insertRows<PlannedSitting>(client, { table: "sitting", constants: municipality, rows: plan.sittings, columns: [
      { name: "id", type: "uuid", value: (row) => row.id },
      { name: "starts_at", type: "timestamptz", value: (row) => row.startsAt },
      { name: "kind", type: "sitting_kind", value: (row) => row.kind },
      { name: "place", type: "text", value: (row) => row.place },
      { name: "convocation_date", type: "date", value: (row) => row.convocationDate },
      { name: "convened_by_id", type: "uuid", value: mayorOf },
      { name: "president_id", type: "uuid", value: mayorOf },
      { name: "secretary_id", type: "uuid", value: (row) => row.secretary.id },
      { name: "list_posted_at", type: "date", value: (row) => row.listPostedAt },
    ] });
    await client.query("COMMIT");
    return municipalityId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------- entry points

export type ArchiveWriter = "rules" | "copy";

export type ArchiveReport = {
  deliberationCount: number;
  generationSeconds: number;
  analyzeSeconds: number;
  rowCounts: Record<string, number>;
};

const COUNTED_TABLES = ["councillor", "sitting", "deliberation", "attendance", "vote", "vote_record", "prefecture_receipt"];

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  // The archive can be regenerated: no need to wait for each commit to reach the disk.
  await client.query("SET synchronous_commit = off");
  return client;
}

/** Writes the archive into a migrated database that does not hold it yet; `concurrency` connections share the years. */
export async function generateSyntheticArchive({
  connectionString,
  seed = ARCHIVE_SEED,
  scale = 1,
  concurrency = 2,
  municipality = BENCH_MUNICIPALITY,
  rollCallsFrom = FIRST_YEAR,
  writer = "rules",
  analyze = true,
  log = () => {},
}: {
  connectionString: string;
  seed?: string;
  /** See planArchive. */
  scale?: number;
  concurrency?: number;
  municipality?: ArchiveMunicipality;
  /** The first year whose acts carry their named roll call and votes (see buildYear). */
  rollCallsFrom?: number;
  /** How the acts are written: through every rule (insertYear), or by COPY with the triggers off (copyYear). */
  writer?: ArchiveWriter;
  /** VACUUM ANALYZE once written (false: the caller does, after several archives). */
  analyze?: boolean;
  log?: (line: string) => void;
}): Promise<ArchiveReport> {
  const started = performance.now();
  const plan = planArchive(seed, scale);
  const clients = await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => connect(connectionString)));
  const [first] = clients;
  if (!first) throw new Error("No database connection");
  try {
    const municipalityId = await insertMunicipalityAndSittings(first, plan, municipality);
    log(`${plan.councillors.length} élus, ${plan.sittings.length} séances ; ${plan.deliberationCount} délibérations à écrire…`);
    const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index);
    let done = 0;
    const writeYear = writer === "copy" ? copyYear : insertYear;
    await Promise.all(
      clients.map(async (client) => {
        for (let year = years.shift(); year !== undefined; year = years.shift()) {
          await writeYear(client, municipalityId, buildYear(plan, year, municipality, rollCallsFrom));
          done += 1;
          log(`  ${year} écrit (${done}/${LAST_YEAR - FIRST_YEAR + 1}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
        }
      }),
    );
    if (writer === "copy") await assignPublicSlugs(first, municipalityId);
    const generationSeconds = (performance.now() - started) / 1000;

    // Fresh statistics and visibility map, as a database in service would have.
    const analyzeStarted = performance.now();
    if (analyze) await first.query("VACUUM (ANALYZE)");
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

    const rowCounts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const { rows } = await first.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}" WHERE municipality_id = $1`, [municipalityId]);
      rowCounts[table] = rows[0]?.count ?? 0;
    }
    return { deliberationCount: plan.deliberationCount, generationSeconds, analyzeSeconds, rowCounts };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** Published deliberations of the bench municipality (or the one named) in this database (0 when it has none). */
export async function countArchivedDeliberations(connectionString: string, slug: string = BENCH_MUNICIPALITY.slug): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
       WHERE m.slug = $1 AND d.status = 'PUBLISHED'`,
      [slug],
    );
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

export function formatArchiveReport(report: ArchiveReport): string {
  const counts = Object.entries(report.rowCounts)
    .map(([table, count]) => `${table} ${count.toLocaleString("fr-FR")}`)
    .join(", ");
  return `Archive écrite en ${report.generationSeconds.toFixed(1)} s (+ VACUUM ANALYZE ${report.analyzeSeconds.toFixed(1)} s) : ${counts}.`;
}

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is required (a database that the archive may fill).");
  await migrate({ connectionString, log: console.log });
  if ((await countArchivedDeliberations(connectionString)) > 0) {
    throw new Error(`This database already holds the "${BENCH_MUNICIPALITY.slug}" archive.`);
  }
  const report = await generateSyntheticArchive({
    connectionString,
    concurrency: Number(process.env.BENCH_GENERATE_CONCURRENCY ?? 2),
    log: console.log,
  });
  console.log(formatArchiveReport(report));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
