import "server-only";
import { createHash } from "node:crypto";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { annexSchema, MAX_ANNEX_BYTES } from "@/lib/validations/annex";
import { parseInput } from "@/lib/validations/parse";
import { assertEditable, editor, lockDeliberation } from "./deliberation-workflow";
import { assertNoActiveContent } from "./pdf-active-content";
import { isPdfContent } from "./pdf-content";

/** Attaches a PDF annex to a draft: PDF by content, without active content, 10 MiB at most, its SHA-256 kept. */
export async function addAnnex(options: {
  db: Db;
  actor: SessionUser | null;
  id: string;
  input: unknown;
  file: { name: string; bytes: Uint8Array } | null;
}): Promise<{ id: string }> {
  const actor = editor(options.actor);
  const input = parseInput(annexSchema, options.input);
  const file = options.file;
  if (!file || file.bytes.length === 0) throw new AppError("VALIDATION", "Choisissez le fichier PDF de l'annexe.", { file: ["Choisissez le fichier PDF de l'annexe."] });
  if (file.bytes.length > MAX_ANNEX_BYTES) {
    throw new AppError("VALIDATION", "Le fichier dépasse 10 Mo.", { file: [`Le fichier pèse ${(file.bytes.length / 1024 / 1024).toFixed(1)} Mo ; 10 Mo au plus.`] });
  }
  if (!(await isPdfContent(file.bytes))) {
    throw new AppError("VALIDATION", "Ce fichier n'est pas un PDF lisible.", { file: ["Ce fichier n'est pas un PDF lisible (son contenu est vérifié, pas son nom) : exportez-le en PDF."] });
  }
  await assertNoActiveContent(file.bytes);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const fileName = file.name.replace(/[\\/]/g, "_").slice(0, 200) || "annexe.pdf";
  return options.db.$transaction(async (tx) => {
    const deliberation = await lockDeliberation(tx, actor, options.id);
    assertEditable(deliberation);
    const annex = await tx.annex.create({
      data: {
        municipalityId: actor.municipalityId,
        deliberationId: deliberation.id,
        title: input.title,
        fileName,
        mediaType: "application/pdf",
        size: file.bytes.length,
        sha256,
        content: Buffer.from(file.bytes),
        isPublic: input.isPublic,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "deliberation.annex-add",
      entity: "annex",
      entityId: annex.id,
      after: { deliberationId: deliberation.id, title: input.title, fileName, size: file.bytes.length, sha256, isPublic: input.isPublic },
    });
    return annex;
  });
}
