import "server-only";
import { appendAuditEvent, type AuditInput } from "@/lib/audit/append-audit-event";
import type { Admin, Editor } from "@/lib/auth/roles";
import type { Db, Prisma, Tx } from "@/lib/db/prisma";
import type { ArchivedActInput, ArchiveFileInput } from "./archived-act";
import type { ArchiveRowIssue } from "./check-archived-act";
import {
  finishArchiveImportInTransaction,
  startArchiveImportInTransaction,
  writeArchivedActsInTransaction,
  type ArchiveConflict,
  type ArchiveImportTotals,
} from "./write-archived-acts";

// One import of one file, whatever its format: the reader yields batches of
// acts (with the rows it could not read), the writer writes them, all in one
// transaction. Without skipInvalid, one invalid row and nothing is written;
// a dry run writes nothing either, and reports what the import would do.

/** What a reader yields: acts to write, the rows it refused, how many rows it read. */
export type ArchiveBatch = { acts: ArchivedActInput[]; issues: ArchiveRowIssue[]; rowsRead: number };

export type ArchiveImportReport = {
  format: ArchiveFileInput["format"];
  fileName: string;
  sha256: string;
  dryRun: boolean;
  skipInvalid: boolean;
  /** True when nothing was written because a row is invalid (without skipInvalid). */
  refused: boolean;
  /** The archive_import row, when the import was written. */
  importId: string | null;
  totals: ArchiveImportTotals;
  invalid: ArchiveRowIssue[];
  conflicts: ArchiveConflict[];
  /** What the reader adds: the columns it ignored, the dialect it read… */
  notes: Record<string, unknown>;
};

class Rollback extends Error {}

/** At most this many invalid rows and conflicts are kept in the report (the counts stay exact). */
const REPORT_LIMIT = 1000;

export async function importArchive({
  db,
  actor,
  file,
  batches,
  skipInvalid,
  dryRun,
  notes = () => ({}),
  onProgress,
  prepare,
}: {
  db: Db;
  actor: Editor | Admin;
  file: ArchiveFileInput;
  batches: AsyncIterable<ArchiveBatch>;
  skipInvalid: boolean;
  dryRun: boolean;
  /** Read once the file is read: the reader's own findings. */
  notes?: () => Record<string, unknown>;
  onProgress?: (totals: ArchiveImportTotals) => void;
  /**
   * What the import needs written first, in its transaction (the municipality an SCDL import creates):
   * undone with it on a refusal or a dry run. Returns the audit events of those writes, appended at the
   * end, with the import's own, so that the audit chain's lock is not held for the whole file.
   */
  prepare?: (tx: Tx) => Promise<AuditInput[]>;
}): Promise<ArchiveImportReport> {
  const totals: ArchiveImportTotals = { rowsRead: 0, created: 0, unchanged: 0, skipped: 0, conflicts: 0 };
  const report: ArchiveImportReport = {
    format: file.format,
    fileName: file.fileName,
    sha256: file.sha256,
    dryRun,
    skipInvalid,
    refused: false,
    importId: null,
    totals,
    invalid: [],
    conflicts: [],
    notes: {},
  };
  const keep = <T>(list: T[], found: T[]) => list.push(...found.slice(0, Math.max(0, REPORT_LIMIT - list.length)));
  try {
    await db.$transaction(
      async (tx) => {
        const prepared = prepare ? await prepare(tx) : [];
        const session = await startArchiveImportInTransaction(tx, actor, { file });
        for await (const batch of batches) {
          totals.rowsRead += batch.rowsRead;
          const written = await writeArchivedActsInTransaction(tx, session, batch.acts);
          const invalid = [...batch.issues, ...written.invalid];
          totals.created += written.created;
          totals.unchanged += written.unchanged;
          totals.conflicts += written.conflicts.length;
          totals.skipped += new Set(invalid.map((issue) => issue.line)).size + written.conflicts.length;
          keep(report.invalid, invalid);
          keep(report.conflicts, written.conflicts);
          onProgress?.(totals);
        }
        report.notes = notes();
        report.refused = !skipInvalid && (report.invalid.length > 0 || report.conflicts.length > 0);
        if (report.refused || dryRun) throw new Rollback();
        for (const event of prepared) await appendAuditEvent(tx, event);
        await finishArchiveImportInTransaction(tx, actor, session, { totals, report: summaryOf(report) });
        report.importId = session.importId;
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}

/** The report as stored with the import: counts, notes and the first refusals. */
function summaryOf(report: ArchiveImportReport): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify({ totals: report.totals, notes: report.notes, invalid: report.invalid.slice(0, 100), conflicts: report.conflicts.slice(0, 100) })) as Prisma.InputJsonObject;
}
