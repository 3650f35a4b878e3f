import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getDeliberationForStaff } from "./get-deliberation-for-staff";
import { renderDeliberationExtract } from "./render-deliberation-extract";

// Staff download of a deliberation not yet published: a "document de travail",
// NOT signed, marked as such in its body and across every page, and not
// stored (the record may still change). A signature certifies an act that is
// published and executory; signing a draft would make /verifier vouch for a
// text that can still be edited. Once published, the certified extract is
// the one to use: the route redirects to it.

export type WorkingDocument = { kind: "published"; number: string } | { kind: "working-document"; bytes: Uint8Array; fileName: string };

export async function buildWorkingDocument({ user, deliberationId }: { user: SessionUser | null; deliberationId: string }): Promise<WorkingDocument> {
  const found = await getDeliberationForStaff({ user, deliberationId });
  if (!found) throw new AppError("NOT_FOUND", "Cette délibération n'existe pas.");
  if (found.status === "PUBLISHED") return { kind: "published", number: found.extract.number };
  const doc = await renderDeliberationExtract({
    municipality: found.extract.municipality,
    deliberation: found.extract,
    seal: { kind: "working-document", issuedAt: new Date(), issuedBy: user?.name ?? "" },
  });
  return {
    kind: "working-document",
    bytes: await doc.save(),
    fileName: `${found.extract.number}-v${found.extract.version}-document-de-travail.pdf`,
  };
}
