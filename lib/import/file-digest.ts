import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

// The first reading of an imported file, before anything is written: its
// SHA-256 and size (the import records them, and a re-import is recognised
// by them), and whether it is valid UTF-8 (a file that is not is read as
// Windows-1252). Streamed: memory does not grow with the file.

export type FileDigest = { sha256: string; size: number; utf8: boolean };

export async function digestFile(path: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let size = 0;
  let utf8 = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    if (utf8) {
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    onBytes?.(size);
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { sha256: hash.digest("hex"), size, utf8 };
}
