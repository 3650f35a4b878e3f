import type { ArchivedActInput } from "@/lib/import/archived-act";
import type { ScdlColumn } from "@/lib/opendata/scdl-columns";
import { openScdlFile, type TextEncodingName } from "./read-scdl-file";
import { parseScdlRow, type RowIssue, type ScdlRow, type ScdlRowContext } from "./row";

// An SCDL file as the archive importer takes it: batches of acts, with the
// rows that could not be read, read as the writer asks for them (an async
// generator: the next batch is parsed only when the previous one is
// written), so that memory stays flat whatever the file's size.

export type ScdlBatch = { acts: ArchivedActInput[]; issues: RowIssue[]; rowsRead: number };

/** What the reader tells the report about the file, once it is read. */
export type ScdlNotes = {
  encoding: TextEncodingName;
  delimiter: "," | ";" | "\t";
  /** Columns of the file's own, ignored. */
  extraColumns: string[];
  /** Columns of the schema the file does not have. */
  missingColumns: ScdlColumn[];
  /** Records whose every cell is blank, skipped. */
  blankRows: number;
};

export const DEFAULT_BATCH_SIZE = 2000;

export type ScdlReading = { batches: AsyncGenerator<ScdlBatch>; notes: () => ScdlNotes };

export async function readScdlBatches(
  path: string,
  {
    encoding,
    validUtf8 = false,
    context,
    batchSize = DEFAULT_BATCH_SIZE,
    onBytes,
  }: { encoding: TextEncodingName; validUtf8?: boolean; context: ScdlRowContext; batchSize?: number; onBytes?: (chunk: Buffer) => void },
): Promise<ScdlReading> {
  const file = await openScdlFile(path, { encoding, validUtf8, onBytes });
  const notes = (): ScdlNotes => ({
    encoding: file.encoding,
    delimiter: file.delimiter,
    extraColumns: file.header.extraColumns,
    missingColumns: file.header.missingColumns,
    blankRows: file.blankRecords(),
  });
  async function* batches(): AsyncGenerator<ScdlBatch> {
    let batch: ScdlBatch = { acts: [], issues: [], rowsRead: 0 };
    for await (const record of file.records) {
      const parsed = parseScdlRow(record.cells, record.line, file.header, context);
      batch.rowsRead += 1;
      if (parsed.ok) batch.acts.push(parsed.row.act);
      else batch.issues.push(...parsed.issues);
      if (batch.rowsRead >= batchSize) {
        yield batch;
        batch = { acts: [], issues: [], rowsRead: 0 };
      }
    }
    if (batch.rowsRead > 0) yield batch;
  }
  return { batches: batches(), notes };
}

/**
 * The first row of a file that names its collectivité (a readable
 * COLL_SIRET), read without a target: whose file it is, when the import is
 * not told. Null when no row has one.
 */
export async function firstScdlRow(path: string, encoding: TextEncodingName): Promise<ScdlRow | null> {
  const file = await openScdlFile(path, { encoding });
  const context: ScdlRowContext = { timeZone: "Europe/Paris", departmentCode: null, municipality: null };
  try {
    for await (const record of file.records) {
      const parsed = parseScdlRow(record.cells, record.line, file.header, context);
      if (parsed.ok) return parsed.row;
    }
    return null;
  } finally {
    await file.records.return(undefined);
  }
}

/** The SCDL column of a fact the archive writer refuses ("participants" → VOTE_REEL), for a report in the file's own terms. */
export const SCDL_COLUMN_OF_FACT: Readonly<Record<string, ScdlColumn>> = {
  identifier: "DELIB_ID",
  day: "DELIB_DATE",
  subject: "DELIB_OBJET",
  matterCode: "DELIB_MATIERE_CODE",
  membersInOffice: "VOTE_EFFECTIF",
  participants: "VOTE_REEL",
  votesFor: "VOTE_POUR",
  votesAgainst: "VOTE_CONTRE",
  abstentions: "VOTE_ABSTENTION",
  outcome: "VOTE_POUR",
  authority: "PREF_ID",
  receivedAt: "PREF_DATE",
  receipt: "PREF_ID",
  budgetYear: "BUDGET_ANNEE",
  budgetName: "BUDGET_NOM",
  sourceUrl: "DELIB_URL",
};
