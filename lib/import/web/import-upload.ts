import "server-only";
import { authorizeEditor, type Editor } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { guessImportFormat, IMPORT_FORMATS, type ImportFormat } from "@/lib/import/guess-format";
import type { ArchiveImportReport } from "@/lib/import/import-archive";
import { importScdlFile, type ScdlImportProgress } from "@/lib/import/scdl/import-scdl-file";
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

export type UploadOutcome = { kind: "report"; report: ArchiveImportReport } | { kind: "proposal"; proposal: unknown; file: { fileName: string; sha256: string; size: number } };

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
    case "minutes":
      throw new AppError("VALIDATION", "La lecture des procès-verbaux et extraits n'est pas encore branchée ici.");
    case "registre":
      throw new AppError(
        "VALIDATION",
        "Un export complet de Registre remplit un portail vide : il s'importe en ligne de commande, sur le serveur (npm run import -- fichier.ndjson), pas depuis l'espace du greffe.",
      );
  }
}
