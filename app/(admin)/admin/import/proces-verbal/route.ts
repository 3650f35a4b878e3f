import { NextResponse } from "next/server";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { revalidateEveryPublicPage } from "@/lib/cache/public-pages";
import { httpStatusOf } from "@/lib/errors";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { importReviewedMinutes } from "@/lib/import/web/import-reviewed-minutes";

// The reviewed proposal of old minutes or an extract (JSON), imported. Answers
// the same { ok, data, message, errors } a form action does; data is the
// import's report (refused, with its reasons, when an act breaks a rule).

export async function POST(request: Request) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const result = await runAction(async () => {
    const input: unknown = await request.json().catch(() => null);
    const report = await importReviewedMinutes({ actor: await getSessionUser(), input });
    if (report.importId) revalidateEveryPublicPage();
    return { data: report, message: report.importId ? "Import enregistré : les actes sont publiés." : "Import refusé : rien n'a été enregistré." };
  });
  return NextResponse.json(result, { status: result.ok ? 200 : httpStatusOf(result.code) });
}
