"use server";

import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { revalidateEveryPublicPage } from "@/lib/cache/public-pages";
import { getPrisma } from "@/lib/db/prisma";
import { requireWrittenArchiveImport } from "@/lib/import/list-archive-imports";
import type { ActionResult } from "@/lib/validations/action-result";

/**
 * After an import the page's streamed answer reports as written: the public
 * pages cached before it (a sitting that gained acts, an address visited
 * before its act existed) are rendered again. Called by the page, in a
 * request of its own, since a streamed response's end is past the point where
 * Next applies a revalidation. Only after an import that was written.
 */
export async function refreshPublicPagesAfterImportAction(importId: string): Promise<ActionResult> {
  return runAction(async () => {
    await requireWrittenArchiveImport({ db: getPrisma(), actor: await getSessionUser(), id: importId });
    revalidateEveryPublicPage();
    return { data: undefined };
  });
}
