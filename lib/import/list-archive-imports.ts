import "server-only";
import { BACK_OFFICE_ROLES, authorize, authorizeEditor, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";

// The history of a municipality's imports, newest first: which file (name,
// SHA-256), when, by whom, and what it brought. An import refused or dry-run
// leaves no row: only what was written is history.

export type ArchiveImportRow = {
  id: string;
  format: string;
  fileName: string;
  sha256: string;
  size: number;
  startedAt: Date;
  importedBy: string | null;
  rowsRead: number;
  created: number;
  unchanged: number;
  skipped: number;
  conflicts: number;
};

export async function listArchiveImports({ db, actor, take = 50 }: { db: Db; actor: SessionUser | null; take?: number }): Promise<ArchiveImportRow[]> {
  const user = authorize(actor, BACK_OFFICE_ROLES);
  const rows = await db.archiveImport.findMany({
    where: { municipalityId: user.municipalityId, finishedAt: { not: null } },
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true, format: true, fileName: true, sha256: true, size: true, startedAt: true,
      rowsRead: true, actsCreated: true, actsUnchanged: true, rowsSkipped: true, conflicts: true,
      importedBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    sha256: row.sha256,
    size: Number(row.size),
    startedAt: row.startedAt,
    importedBy: row.importedBy?.name ?? null,
    rowsRead: row.rowsRead ?? 0,
    created: row.actsCreated ?? 0,
    unchanged: row.actsUnchanged ?? 0,
    skipped: row.rowsSkipped ?? 0,
    conflicts: row.conflicts ?? 0,
  }));
}

/** An import of the editor's municipality that was written (a dry run leaves none): what refreshing the public pages after it requires. */
export async function requireWrittenArchiveImport({ db, actor, id }: { db: Db; actor: SessionUser | null; id: unknown }): Promise<void> {
  const editor = authorizeEditor(actor);
  const found =
    typeof id === "string" && isUuid(id)
      ? await db.archiveImport.findFirst({ where: { id, municipalityId: editor.municipalityId, finishedAt: { not: null } }, select: { id: true } })
      : null;
  if (!found) throw new AppError("NOT_FOUND", "Cet import est introuvable : rechargez la page des imports.");
}
