import { open } from "node:fs/promises";
import { looksLikeScdlHeader } from "./scdl/header";

// Which reader a file needs, from its first bytes, when the import is not
// told (--format): a CSV whose header names DELIB_ID and COLL_SIRET is an
// SCDL « Délibérations » file; NDJSON whose first line is a Registre export's
// header, another Registre's records; a PDF or plain text, old minutes or
// extracts.

export type ImportFormat = "scdl" | "minutes" | "registre";

export const IMPORT_FORMATS: readonly ImportFormat[] = ["scdl", "minutes", "registre"];

const SNIFFED_BYTES = 64 * 1024;

/** Whether a JSON line is a Registre export's header: an object that says it is Registre's (a "format", "type" or "kind" naming registre, or a "registre" key). */
export function isRegistreHeader(line: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const header = value as Record<string, unknown>;
  if ("registre" in header) return true;
  return ["format", "type", "kind"].some((key) => typeof header[key] === "string" && /registre/i.test(header[key] as string));
}

export type FormatGuess = { ok: true; format: ImportFormat; why: string } | { ok: false; reason: string };

export async function guessImportFormat(filePath: string): Promise<FormatGuess> {
  const handle = await open(filePath, "r");
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFFED_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFFED_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) return { ok: false, reason: "Le fichier est vide." };
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return { ok: true, format: "minutes", why: "un PDF" };
  if (head.includes(0)) return { ok: false, reason: "Le fichier n'est ni un CSV, ni un export NDJSON de Registre, ni un PDF, ni du texte (il contient des octets nuls)." };
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  if (looksLikeScdlHeader(firstLine)) return { ok: true, format: "scdl", why: "un CSV dont l'en-tête nomme DELIB_ID et COLL_SIRET" };
  if (firstLine.trimStart().startsWith("{")) {
    if (isRegistreHeader(firstLine)) return { ok: true, format: "registre", why: "un export NDJSON de Registre" };
    return { ok: false, reason: "La première ligne est du JSON, mais pas l'en-tête d'un export de Registre." };
  }
  return { ok: true, format: "minutes", why: "du texte" };
}
