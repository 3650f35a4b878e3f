import "server-only";
import { authorizeEditor, type SessionUser } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { importArchive, type ArchiveImportReport } from "@/lib/import/import-archive";
import { toArchivedActs } from "@/lib/import/minutes/minutes-to-archived-acts";
import { reviewedMinutesSchema } from "@/lib/validations/minutes-import";
import { parseInput } from "@/lib/validations/parse";
import { z } from "@/lib/validations/zod";

// The clerk's reviewed proposal, imported: the same archive writer and the
// same rules as an SCDL file (all or nothing: a refused act and nothing is
// written, the report says which and why), in the clerk's name, recorded
// with the document it was read from (its name, SHA-256 and size, as the
// upload computed them).

const reviewedImportSchema = z.object({
  file: z.object({
    fileName: z.string().trim().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "Empreinte du document illisible : relisez-le."),
    size: z.number().int().nonnegative(),
  }),
  reviewed: reviewedMinutesSchema,
});

export async function importReviewedMinutes({ actor, input }: { actor: SessionUser | null; input: unknown }): Promise<ArchiveImportReport> {
  const editor = authorizeEditor(actor);
  const { file, reviewed } = parseInput(reviewedImportSchema, input);
  const acts = toArchivedActs(reviewed);
  async function* batches() {
    yield { acts, issues: [], rowsRead: acts.length };
  }
  return importArchive({ db: getPrisma(), actor: editor, file: { format: "minutes", ...file }, batches: batches(), skipInvalid: false, dryRun: false });
}
