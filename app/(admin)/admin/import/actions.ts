"use server";

import { authorizeEditor } from "@/lib/auth/roles";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { revalidateEveryPublicPage } from "@/lib/cache/public-pages";
import type { ActionResult } from "@/lib/validations/action-result";

/**
 * After an import the page's streamed answer reports as written: the public
 * pages cached before it (a sitting that gained acts, an address visited
 * before its act existed) are rendered again. Called by the page, in a
 * request of its own, since a streamed response's end is past the point where
 * Next applies a revalidation.
 */
export async function refreshPublicPagesAfterImportAction(): Promise<ActionResult> {
  return runAction(async () => {
    authorizeEditor(await getSessionUser());
    revalidateEveryPublicPage();
    return { data: undefined };
  });
}
