import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The certified extract of DL.2022-91, parsed: what the public page must show.
// Tests may read the shared reference; the product never does.
const here = path.dirname(fileURLToPath(import.meta.url));
// Beside the repository (/work/main → /work/shared); a worktree elsewhere reads the same shared copy.
const BESIDE = path.resolve(here, "../../../../../shared/reference/aix-DL-2022-91.txt");
const REFERENCE_PATH = existsSync(BESIDE) ? BESIDE : "/work/shared/reference/aix-DL-2022-91.txt";

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`Extrait de référence : « ${start} » introuvable`);
  const to = text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`Extrait de référence : « ${end} » introuvable après « ${start} »`);
  return text.slice(from + start.length, to);
}

function names(block: string): string[] {
  return block
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "")
    .split(/\s*,\s+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function line(text: string, label: string): string {
  const match = new RegExp(`^${label}\\s*:\\s*(.+)$`, "m").exec(text);
  if (!match?.[1]) throw new Error(`Extrait de référence : ligne « ${label} » introuvable`);
  return match[1].trim();
}

export type ReferenceExtract = {
  number: string;
  present: string[];
  proxies: string[];
  excused: string[];
  secretary: string;
  tally: { label: string; value: number }[];
  receipt: { actesId: string; signedAt: string; receivedAt: string };
  result: string;
};

export function readReferenceExtract(): ReferenceExtract {
  const text = readFileSync(REFERENCE_PATH, "utf8");
  const tally = [
    "Présents et représentés",
    "Présents",
    "Abstentions",
    "Non participation",
    "Suffrages Exprimés",
    "Pour",
    "Contre",
  ].map((label) => ({ label, value: Number(line(text, label)) }));
  return {
    number: /N° (DL\.\d{4}-\d+)/.exec(text)?.[1] ?? "",
    present: names(between(text, "**Etaient Présents :**", "**Excusés avec pouvoir")),
    proxies: names(between(text, "Collectivités Territoriales:**", "**Excusés sans pouvoir")),
    excused: names(between(text, "**Excusés sans pouvoir :**", "Secrétaire :")),
    secretary: line(text, "Secrétaire"),
    tally,
    receipt: {
      // The printed identifier carries a typesetting space after the date.
      actesId: line(text, "Identifiant").replace(/\s+/g, ""),
      signedAt: line(text, "Date de signature"),
      receivedAt: line(text, "Date de réception"),
    },
    result: /a (Adopté à l'unanimité)/.exec(text)?.[1] ?? "",
  };
}
