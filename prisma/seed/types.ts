import type { Civility, CouncillorRole, DeliberationStatus, Outcome, SittingKind, VoteChoice } from "@/lib/db/generated/enums";

// The shapes of the seed data: plain values (calendar dates as "YYYY-MM-DD",
// instants as ISO strings with their offset), turned into rows by seed.ts.

/** A calendar day, "YYYY-MM-DD" (stored in DATE columns). */
export type CalendarDate = `${number}-${number}-${number}`;

/** An instant with its offset, "2022-04-07T14:00:00+02:00" (stored in TIMESTAMPTZ columns). */
export type Instant = `${CalendarDate}T${string}`;

export type MunicipalitySeed = {
  slug: string;
  name: string;
  communeName: string;
  siren: string;
  siret: string;
  departmentCode: string;
  address: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  administrativeCourt: string;
  membersInOffice: number;
  appealNotice: string;
  annexNotice: string | null;
};

export type CouncillorSeed = {
  civility: Civility;
  firstName: string;
  lastName: string;
  role: CouncillorRole;
  roleLabel: string | null;
  mandateStart: CalendarDate;
  mandateEnd: CalendarDate | null;
};

/** "Pierre-Paul CALENDINI": first name and last name as printed, the key the seed data uses. */
export type NameOf<T> = T extends { firstName: infer First extends string; lastName: infer Last extends string }
  ? `${First} ${Last}`
  : never;

export function councillorName(councillor: { firstName: string; lastName: string }): string {
  return `${councillor.firstName} ${councillor.lastName}`;
}

export type SittingSeed<Name extends string> = {
  startsAt: Instant;
  kind: SittingKind;
  isPublic: boolean;
  place: string;
  convocationDate: CalendarDate;
  convenedBy: Name;
  president: Name;
  secretary: Name;
  reconvened: boolean;
  listPostedAt: CalendarDate | null;
};

/** One councillor's attendance at one deliberation, before names are resolved to ids. */
export type AttendanceSeed<Name extends string> =
  | { councillor: Name; status: "PRESENT"; note?: string }
  | { councillor: Name; status: "REPRESENTED"; proxyHolder: Name; note?: string }
  | { councillor: Name; status: "EXCUSED" | "ABSENT"; note?: string };

/** The figures of a vote, as the extract prints them. */
export type TallySeed = {
  presentAndRepresented: number;
  present: number;
  represented: number;
  abstentions: number;
  nonParticipation: number;
  expressed: number;
  votesFor: number;
  votesAgainst: number;
};

export type VoteSeed<Name extends string> = {
  secret: boolean;
  tally: TallySeed;
  castingVote: Extract<VoteChoice, "FOR" | "AGAINST"> | null;
  result: Exclude<Outcome, "WITHDRAWN">;
  /** Public votes: each councillor's choice (a represented member's is cast by the holder). Empty for secret ballots. */
  records: readonly { councillor: Name; choice: VoteChoice }[];
};

export type PrefectureReceiptSeed = {
  actesId: string;
  receivedAt: CalendarDate;
  signedAt: CalendarDate | null;
};

export type DeliberationSeed<Name extends string> = {
  /** "DL.<year>-<sequence>" */
  number: string;
  year: number;
  sequence: number;
  orderInSitting: number;
  subject: string;
  reportSubject: string | null;
  rapporteur: Name | null;
  service: string | null;
  matterCode: string;
  policyHeading: string | null;
  /** Markdown. */
  report: string;
  /** Markdown. */
  proposals: string;
  status: DeliberationStatus;
  outcome: Outcome | null;
  votedAt: CalendarDate | null;
  signedAt: CalendarDate | null;
  postedAt: CalendarDate | null;
  transmittedAt: CalendarDate | null;
  publishedAt: Instant | null;
  cosignatory: Name | null;
  cosignatoryTitle: string | null;
  attendance: readonly AttendanceSeed<Name>[];
  vote: VoteSeed<Name> | null;
  prefectureReceipt: PrefectureReceiptSeed | null;
};
