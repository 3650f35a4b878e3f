import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { publishedDeliberationWhere } from "./published-filter";

export type PublicAnnex = { fileName: string; mediaType: string; sha256: string; content: Uint8Array };

/**
 * An annex citizens may download: marked public, of the shown (published,
 * newest) version of this number, in this municipality. Null otherwise, whether
 * the annex does not exist, is kept at the town hall, or belongs to a draft.
 */
export async function getPublicAnnex(input: { municipalityId: string; number: string; annexId: string }): Promise<PublicAnnex | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.annexId)) return null;
  const annex = await getPrisma().annex.findFirst({
    where: {
      id: input.annexId,
      municipalityId: input.municipalityId,
      isPublic: true,
      deliberation: { ...publishedDeliberationWhere(input.municipalityId), number: input.number },
    },
    select: { fileName: true, mediaType: true, sha256: true, content: true },
  });
  return annex ? { ...annex, content: new Uint8Array(annex.content) } : null;
}

/** `annexe.pdf` for Content-Disposition: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "annexe.pdf";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
