import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { isoDate, weekdayOf } from "@/lib/domain/calendar";
import { scdlMatterName } from "@/lib/domain/nomenclature";
import { csvRecord } from "@/lib/opendata/csv";
import { SCDL_COLUMNS } from "@/lib/opendata/scdl-columns";
import { composeDeliberation } from "./french-text";
import { chance, createRng, randomInt } from "./prng";

// The import bench's file: a town's SCDL « Délibérations » export over twenty
// years (2006–2025), one hundred acts per sitting, written as the schema says
// (`,`, UTF-8, quotes only where needed). Subjects and matters come from the
// synthetic archive's phrase banks (french-text.ts); identifiers change form
// with the decades as real towns' do ("D08-045", "DEL_2015_045", "DL.2021-45");
// most acts have their tally and their receipt, some have neither. Written as a
// stream: the generator's memory does not grow with the file either.

/** The fictional town of the import bench; its SIREN's key is valid (21 + INSEE 13999, which no commune has). */
export const IMPORT_BENCH_MUNICIPALITY = {
  name: "Ville de Bench-Import",
  siren: "211399993",
  siret: "21139999300017",
  departmentCode: "013",
};

const FIRST_YEAR = 2006;
const YEARS = 20;
const ACTS_PER_SITTING = 100;
const MEMBERS = 49;

function identifierOf(year: number, sequence: number): string {
  if (year < 2012) return `D${String(year % 100).padStart(2, "0")}-${String(sequence).padStart(3, "0")}`;
  if (year < 2018) return `DEL_${year}_${String(sequence).padStart(3, "0")}`;
  return `DL.${year}-${sequence}`;
}

/** The sittings' days of a year: spread over it, on working days. */
function sittingDays(year: number, count: number): string[] {
  const days: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = new Date(Date.UTC(year, 0, 8 + Math.floor((index * 345) / count)));
    const weekday = weekdayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
    if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
    days.push(isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  return [...new Set(days)];
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Writes `rows` acts (a multiple of 2,000: twenty years of sittings of one hundred acts) to `path`. */
export async function writeScdlBenchFile(path: string, rows: number, seed = "registre-import-bench-1"): Promise<{ rows: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const rng = createRng(seed);
  const sittingsPerYear = Math.max(1, Math.round(rows / (YEARS * ACTS_PER_SITTING)));
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(csvRecord([...SCDL_COLUMNS]));
  let written = 0;
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS && written < rows; year += 1) {
    let sequence = 0;
    for (const day of sittingDays(year, sittingsPerYear)) {
      for (let item = 0; item < ACTS_PER_SITTING && written < rows; item += 1) {
        sequence += 1;
        written += 1;
        const text = composeDeliberation(rng, { year, mayorTitle: "Monsieur le Maire", communeName: "Bench-Import" });
        const identifier = identifierOf(year, sequence);
        const voted = chance(rng, 0.9);
        const participants = MEMBERS - randomInt(rng, 0, 6);
        const against = chance(rng, 0.3) ? randomInt(rng, 1, 9) : 0;
        const abstentions = chance(rng, 0.3) ? randomInt(rng, 1, 5) : 0;
        const received = chance(rng, 0.85);
        const budget = text.matterCode.startsWith("7.1") && !text.matterCode.startsWith("7.10");
        await write(
          csvRecord([
            IMPORT_BENCH_MUNICIPALITY.name,
            IMPORT_BENCH_MUNICIPALITY.siret,
            identifier,
            day,
            text.matterCode,
            scdlMatterName(text.matterCode),
            text.subject,
            budget ? String(year) : "",
            budget ? "Budget principal" : "",
            received ? `PREF${IMPORT_BENCH_MUNICIPALITY.departmentCode}` : "",
            received ? addDays(day, randomInt(rng, 1, 6)) : "",
            voted ? MEMBERS : "",
            voted ? participants : "",
            voted ? participants - against - abstentions : "",
            voted ? against : "",
            voted ? abstentions : "",
            `https://www.bench-import.fr/actes/${encodeURIComponent(identifier)}.pdf`,
          ]),
        );
      }
    }
  }
  out.end();
  await once(out, "finish");
  if (written !== rows) throw new Error(`${written} lignes écrites au lieu de ${rows} : demandez un multiple de ${YEARS * ACTS_PER_SITTING}.`);
  return { rows: written, bytes: out.bytesWritten, seconds: (performance.now() - started) / 1000 };
}
