import "server-only";
import { createHash } from "node:crypto";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { annexSchema, MAX_ANNEX_BYTES, type AnnexData } from "@/lib/validations/annex";
import { parseInput } from "@/lib/validations/parse";
import { assertEditable, lockDeliberation } from "./deliberation-workflow";
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
  const actor = authorizeEditor(options.actor);
  const input = parseInput(annexSchema, options.input);
  const file = await parseAnnexFile(options.file);
  return options.db.$transaction((tx) => addAnnexInTransaction(tx, actor, { deliberationId: options.id, annex: input, file }));
}

/** A PDF annex as checked before it is stored. */
export type AnnexFile = { fileName: string; bytes: Uint8Array; sha256: string };

/** The uploaded file, checked (PDF by content, without active content, 10 MiB at most), or AppError("VALIDATION") on the file field. */
export async function parseAnnexFile(file: { name: string; bytes: Uint8Array } | null): Promise<AnnexFile> {
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
  return { fileName, bytes: file.bytes, sha256 };
}

/** The core of `addAnnex`, inside the caller's transaction. */
export async function addAnnexInTransaction(tx: Tx, actor: Editor, { deliberationId, annex: input, file }: { deliberationId: string; annex: AnnexData; file: AnnexFile }): Promise<{ id: string }> {
  const { fileName, sha256 } = file;
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
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
}
