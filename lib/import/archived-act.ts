import type { AttendanceStatus, Outcome } from "@/lib/domain/types";

// What an importer hands to the archive writer (write-archived-acts.ts): one
// act of an archive, as a source states it, councillors already matched to
// the municipality's ids. Every reader (SCDL CSV, old minutes and extracts)
// produces these; the writer applies the same rules as manual entry to the
// facts that are given and invents none of the others: null means "the
// source does not say".

/** Where a fact came from, for the import report: a CSV line, a document's page. */
export type ArchiveSource = { line: number; label?: string };

export type ArchivedAttendanceInput = {
  councillorId: string;
  status: AttendanceStatus;
  /** The holder of the proxy, for REPRESENTED. */
  proxyHolderId: string | null;
  /** "Arrivé au point 4", as the document says. */
  note: string | null;
};

export type ArchivedSittingInput = {
  /** Its local day, "YYYY-MM-DD". Acts of one day without an hour share one sitting. */
  day: string;
  /** "20:30" local, or null when the source gives no hour. */
  hour: string | null;
  place: string | null;
  extraordinary: boolean;
  presidentId: string | null;
  secretaryId: string | null;
  /** Members in office that day; null: the municipality's setting. */
  membersInOffice: number | null;
  /** The roll call, when the source names it; null when it does not. */
  attendance: ArchivedAttendanceInput[] | null;
};

export type ArchivedVoteInput = {
  /** "à l'unanimité": no vote against; the figures may still be unknown. */
  unanimous: boolean;
  /** Members who took part (SCDL VOTE_REEL): expressed + abstentions. */
  participants: number | null;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
};

export type ArchivedReceiptInput = {
  /** ACTES identifier, when known: checked like any receipt's. */
  actesId: string | null;
  /** SCDL PREF_ID: "PREF013", "SPREF0131", "SGAR013". */
  authority: string | null;
  /** "YYYY-MM-DD". */
  receivedAt: string | null;
};

export type ArchivedActInput = {
  source: ArchiveSource;
  /** The act's own identifier as the archive writes it: "DL.2022-91", "2011-02-007", "AP D 21-07-1". */
  identifier: string;
  sitting: ArchivedSittingInput;
  /** Its place in the sitting, when the source numbers the items; null: the order of the file. */
  orderInSitting: number | null;
  subject: string;
  /** ACTES code "7.10" (levels 2 to 5), or null. */
  matterCode: string | null;
  outcome: Outcome;
  vote: ArchivedVoteInput | null;
  receipt: ArchivedReceiptInput | null;
  budgetYear: string | null;
  budgetName: string | null;
  /** Where the act was published before (SCDL DELIB_URL). */
  sourceUrl: string | null;
};

/** The file an import reads, recorded with the acts it brings. */
export type ArchiveFileInput = {
  format: "scdl" | "minutes" | "registre";
  fileName: string;
  sha256: string;
  size: number;
  /** The demo's fictional archive (prisma/seed): its sittings and acts are labelled as demo data. */
  isDemo?: boolean;
};
