export type AttendanceStatus = "PRESENT" | "REPRESENTED" | "EXCUSED" | "ABSENT";

export type VoteChoice = "FOR" | "AGAINST" | "ABSTENTION" | "NOT_VOTING";

export type Outcome = "ADOPTED" | "REJECTED" | "WITHDRAWN";

export type Civility = "MONSIEUR" | "MADAME";

export type CouncillorRole = "MAYOR" | "DEPUTY_MAYOR" | "DELEGATED_COUNCILLOR" | "COUNCILLOR";

export type AttendanceEntry = {
  councillorId: string;
  name: string;
  status: AttendanceStatus;
  proxyHolderId: string | null;
};

export type Tally = {
  presentAndRepresented: number;
  present: number;
  represented: number;
  abstentions: number;
  nonParticipation: number;
  expressed: number;
  votesFor: number;
  votesAgainst: number;
};

/** A rule the record breaks; `message` is French, shown to clerks as is. */
export type DomainIssue = { code: string; message: string; councillorId?: string };
