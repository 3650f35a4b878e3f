import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { EDITOR_ROLES, authorize } from "@/lib/auth/roles";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { readLimitedForm } from "@/lib/http/read-limited-form";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { addAnnex } from "@/lib/deliberations/add-annex";
import { isAppError } from "@/lib/errors";
import { MAX_ANNEX_BYTES } from "@/lib/validations/annex";

// Annex upload: a route handler rather than a server action, whose body is
// limited to 1 MB. Answers the same { ok, message, errors } a form action
// does, with the HTTP status of the refusal (401, 403, 422…).

export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { id } = await context.params;
  let actor;
  try {
    // Checked before the body is read: an anonymous upload is not even received.
    actor = authorize(await getSessionUser(), EDITOR_ROLES);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ ok: false, message: error.message }, { status: error.httpStatus });
  }
  const result = await runAction(async () => {
    const form = await readLimitedForm(request, { maxFileBytes: MAX_ANNEX_BYTES, limitLabel: "10 Mo" });
    const upload = form.get("file");
    const file = upload instanceof File ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
    const annex = await addAnnex({
      db: getPrisma(),
      actor,
      id,
      input: { title: String(form.get("title") ?? ""), isPublic: form.get("isPublic") === "true" },
      file,
    });
    revalidatePath(`/admin/deliberations/${id}`);
    return { data: annex, message: "L'annexe est ajoutée." };
  });
  return NextResponse.json(result, { status: result.ok ? 200 : 422 });
}
