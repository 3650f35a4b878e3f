import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";

// An archive uploaded from the back office, written to a temporary file as it
// arrives: a 100 MB SCDL file is never held in memory, and the importers read
// files (they stream them). The route that receives it is outside the proxy's
// matcher (proxy.ts), which would buffer the body and cut it at 10 MB.

/** The largest archive the back office accepts (a big town's twenty years of SCDL stay well below). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type ReceivedUpload = { path: string; size: number; remove: () => Promise<void> };

/** Writes the request's body to a fresh temporary file; refused past MAX_UPLOAD_BYTES (nothing kept). */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, onBytes?: (bytes: number) => void): Promise<ReceivedUpload> {
  if (!body) throw new AppError("VALIDATION", "Aucun fichier n'a été reçu.");
  const directory = path.join(tmpdir(), "registre-imports");
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, `${randomUUID()}.upload`);
  const remove = () => rm(file, { force: true });
  let size = 0;
  const counted = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  counted.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) counted.destroy(new AppError("TOO_LARGE", `Le fichier dépasse ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo : découpez-le par années.`));
    else onBytes?.(size);
  });
  try {
    await pipeline(counted, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  if (size === 0) {
    await remove();
    throw new AppError("VALIDATION", "Le fichier reçu est vide.");
  }
  return { path: file, size, remove };
}
