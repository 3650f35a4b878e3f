import "server-only";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { authorizeEditor, type Editor } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { guessImportFormat, IMPORT_FORMATS, type ImportFormat } from "@/lib/import/guess-format";
import type { ArchiveImportReport } from "@/lib/import/import-archive";
import { importScdlFile, type ScdlImportProgress } from "@/lib/import/scdl/import-scdl-file";
import { loadImportCouncillors } from "@/lib/import/minutes/import-councillors";
import { reviewFromProposal, type MinutesReviewDraft } from "@/lib/import/minutes/minutes-to-archived-acts";
import { proposeFromDocument, type MinutesProposalSitting } from "@/lib/import/minutes/propose-from-document";
import type { AttendanceStatus } from "@/lib/domain/types";
import { z } from "@/lib/validations/zod";

// The back office's import of one uploaded file, in the clerk's name, into
// their municipality: an SCDL file is imported (or dry-run) at once; old
// minutes or an extract become a proposal the clerk reviews before anything
// is saved; a whole portal's export is the command line's (npm run import),
// since it fills an empty portal.

export const uploadOptionsSchema = z.object({
  format: z.enum(IMPORT_FORMATS as [ImportFormat, ...ImportFormat[]]).optional(),
  dryRun: z.boolean(),
  skipInvalid: z.boolean(),
  fileName: z.string().trim().min(1, "Le fichier n'a pas de nom.").max(255, "Le nom du fichier dépasse 255 caractères."),
});

export type UploadOptions = z.infer<typeof uploadOptionsSchema>;

/** The largest document the minutes reader takes: it reads it whole. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type UploadOutcome = { kind: "report"; report: ArchiveImportReport } | { kind: "proposal"; proposal: MinutesReviewData; file: { fileName: string; sha256: string; size: number } };

/** Checked before the body is read: an anonymous upload is not even received. */
export function authorizeImport(user: SessionUser | null): Editor {
  return authorizeEditor(user);
}

export async function importUploadedFile(
  actor: Editor,
  { filePath, options, onProgress }: { filePath: string; options: UploadOptions; onProgress?: (progress: ScdlImportProgress) => void },
): Promise<UploadOutcome> {
  let format = options.format;
  if (!format) {
    const guess = await guessImportFormat(filePath);
    if (!guess.ok) throw new AppError("VALIDATION", guess.reason);
    format = guess.format;
  }
  switch (format) {
    case "scdl":
      return {
        kind: "report",
        report: await importScdlFile({ db: getPrisma(), filePath, fileName: options.fileName, actor, skipInvalid: options.skipInvalid, dryRun: options.dryRun, onProgress }),
      };
    case "minutes": {
      // Read, not saved: the clerk reviews the proposal, then posts it back (importReviewedMinutes).
      const { size } = await stat(filePath);
      if (size > MAX_DOCUMENT_BYTES) throw new AppError("TOO_LARGE", "Un procès-verbal ou un extrait dépasse rarement 50 Mo : ce fichier est trop lourd pour être lu.");
      const bytes = new Uint8Array(await readFile(filePath));
      const councillors = await loadImportCouncillors(getPrisma(), actor.municipalityId);
      const proposal = await proposeFromDocument(bytes, options.fileName, councillors);
      const { reviewed } = reviewFromProposal(proposal);
      const review: MinutesReviewData = {
        fileName: reviewed.fileName,
        warnings: proposal.warnings,
        councillors: councillors.map((councillor) => ({ value: councillor.id, label: `${councillor.lastName} ${councillor.firstName}` })),
        sittings: reviewed.sittings.map((sitting, index) => ({ ...sitting, rows: rollCallRows(proposal.sittings[index]!), warnings: proposal.sittings[index]!.warnings })),
      };
      return {
        kind: "proposal",
        proposal: review,
        file: { fileName: options.fileName, sha256: createHash("sha256").update(bytes).digest("hex"), size },
      };
    }
    case "registre":
      throw new AppError(
        "VALIDATION",
        "Un export complet de Registre remplit un portail vide : il s'importe en ligne de commande, sur le serveur (npm run import -- fichier.ndjson), pas depuis l'espace du greffe.",
      );
  }
}

/** One name of the document's roll call, as the review form shows it: what it says, whom the matcher found, for the clerk to confirm or correct. */
export type ReviewRow = { written: string; councillorId: string | null; candidates: { id: string; name: string }[]; status: AttendanceStatus; holderId: string | null; note: string };

export type MinutesReviewData = {
  fileName: string;
  warnings: string[];
  councillors: { value: string; label: string }[];
  sittings: (MinutesReviewDraft["sittings"][number] & { rows: ReviewRow[]; warnings: string[] })[];
};

function rollCallRows(sitting: MinutesProposalSitting): ReviewRow[] {
  const match = new Map(sitting.matches.map((found) => [found.written, found]));
  const noteOf = (written: string) =>
    [
      ...sitting.arrivals.filter((movement) => movement.name === written).map((movement) => `Arrivée : ${movement.note}`),
      ...sitting.departures.filter((movement) => movement.name === written).map((movement) => `Départ : ${movement.note}`),
    ].join(" ; ").slice(0, 200);
  const row = (written: string, status: AttendanceStatus, holder: string | null = null): ReviewRow => ({
    written,
    councillorId: match.get(written)?.councillorId ?? null,
    candidates: match.get(written)?.candidates ?? [],
    status,
    holderId: holder ? (match.get(holder)?.councillorId ?? null) : null,
    note: noteOf(written),
  });
  return [
    ...sitting.present.map((written) => row(written, "PRESENT")),
    ...sitting.proxies.map(({ giver, holder }) => row(giver, "REPRESENTED", holder)),
    ...sitting.excusedWithoutProxy.map((written) => row(written, "EXCUSED")),
    ...sitting.absent.map((written) => row(written, "ABSENT")),
  ];
}
