import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import { AppError } from "@/lib/errors";

// What a PDF annex must not carry: a citizen opens it on the portal's word.
// Read from the document's object graph as pdf-lib parses it (objects inside
// compressed object streams included, names with #xx escapes decoded), not by
// searching the bytes: `/J#53` is `/JS`, and an object stream hides its
// dictionaries from any byte search.

export type ActiveContent = "javascript" | "launch" | "embedded-file" | "unreadable";

/** Dictionary keys that hold or name scripts, launches and attached files. */
const KEYS: Record<string, ActiveContent> = {
  JS: "javascript",
  JavaScript: "javascript",
  // XFA forms carry their own scripts.
  XFA: "javascript",
  Launch: "launch",
  EmbeddedFile: "embedded-file",
  EmbeddedFiles: "embedded-file",
  EF: "embedded-file",
  RichMedia: "embedded-file",
};

/** Action types (`/S`) and object types (`/Type`, `/Subtype`) of the same kinds. */
const TYPES: Record<string, ActiveContent> = {
  JavaScript: "javascript",
  Launch: "launch",
  EmbeddedFile: "embedded-file",
  FileAttachment: "embedded-file",
  RichMedia: "embedded-file",
};

function visit(object: PDFObject, found: Set<ActiveContent>, seen: Set<PDFObject>) {
  if (seen.has(object)) return;
  seen.add(object);
  if (object instanceof PDFInvalidObject) {
    found.add("unreadable");
  } else if (object instanceof PDFStream) {
    visit(object.dict, found, seen);
  } else if (object instanceof PDFArray) {
    for (const element of object.asArray()) visit(element, found, seen);
  } else if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const kind = KEYS[key.decodeText()];
      if (kind) found.add(kind);
      if (value instanceof PDFName && ["S", "Type", "Subtype"].includes(key.decodeText())) {
        const type = TYPES[value.decodeText()];
        if (type) found.add(type);
      }
      visit(value, found, seen);
    }
  }
}

/**
 * The kinds of active content the PDF carries (empty when none), every object
 * of the file visited, reachable from the catalogue or not. An encrypted file
 * cannot be read through (its object streams are ciphered): it counts as unreadable.
 */
export async function findActiveContent(bytes: Uint8Array): Promise<ActiveContent[]> {
  const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const found = new Set<ActiveContent>();
  if (document.isEncrypted) found.add("unreadable");
  const seen = new Set<PDFObject>();
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object, found, seen);
  return [...found].sort();
}

const WHAT: Record<ActiveContent, string> = {
  javascript: "du JavaScript",
  launch: "une commande qui lance une application",
  "embedded-file": "des fichiers joints",
  unreadable: "des parties chiffrées ou illisibles",
};

/** Refuses, with the French reason, a PDF that carries active content; the clerk is told how to get a clean copy. */
export async function assertNoActiveContent(bytes: Uint8Array): Promise<void> {
  const found = await findActiveContent(bytes);
  if (found.length === 0) return;
  const list = found.map((kind) => WHAT[kind]);
  const what = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} et ${list.at(-1)!}`;
  const message = `Ce PDF contient ${what} : il est refusé, pour la sécurité de ceux qui l'ouvriront. Enregistrez-en une copie simple (« Imprimer » vers « Enregistrer au format PDF ») et joignez celle-ci.`;
  throw new AppError("VALIDATION", "Ce PDF contient du contenu actif.", { file: [message] });
}
