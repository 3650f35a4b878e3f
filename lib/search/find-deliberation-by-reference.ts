import "server-only";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { formatDeliberationNumber, parseActesId, parseDeliberationNumber } from "@/lib/domain";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";

// A query that is a reference, not words: a deliberation's number, written
// "DL.2022-91", "dl 2022-91" or "2022-91", an archived act's own identifier,
// or the ACTES identifier of its receipt from the prefecture. Each leads
// straight to the deliberation.

const LOOSE_NUMBER = /^(?:DL\s*[.\s]?\s*)?(\d{4})\s*[-/.–]\s*0*([1-9]\d{0,5})$/i;

/** The canonical number a query names ("2022-91" → "DL.2022-91"), or null. */
export function numberFromQuery(query: string): string | null {
  const text = query.trim();
  const strict = parseDeliberationNumber(text);
  if (strict) return formatDeliberationNumber(strict.year, strict.sequence);
  const match = LOOSE_NUMBER.exec(text);
  return match ? formatDeliberationNumber(Number(match[1]), Number(match[2])) : null;
}

/** The number of the published deliberation a query refers to, or null when it is not a reference to one. */
export async function findDeliberationByReference({
  municipalityId,
  query,
  db = getPrisma(),
}: {
  municipalityId: string;
  query: string;
  db?: Db;
}): Promise<string | null> {
  const number = numberFromQuery(query);
  if (number) {
    const rows = await db.$queryRaw<{ number: string }[]>(Prisma.sql`
      SELECT d."number" FROM "deliberation" d
      WHERE ${publishedDeliberationSql("d", municipalityId)} AND d."number" = ${number} LIMIT 1`);
    return rows[0]?.number ?? null;
  }
  // An archived act's own identifier ("AP D 21-07-1", "2011-02-007"), in any case: the most recent act holding it.
  const archived = await db.$queryRaw<{ number: string }[]>(Prisma.sql`
    SELECT d."number" FROM "deliberation" d
    WHERE ${publishedDeliberationSql("d", municipalityId)} AND d."archive_import_id" IS NOT NULL
      AND lower(d."original_identifier") = lower(${query.trim()})
    ORDER BY d."voted_at" DESC LIMIT 1`);
  if (archived[0]) return archived[0].number;
  const actes = parseActesId(query);
  if (!actes.ok) return null;
  // With or without the message suffix (-1-1), in any case.
  const rows = await db.$queryRaw<{ number: string }[]>(Prisma.sql`
    SELECT d."number" FROM "deliberation" d JOIN "prefecture_receipt" r ON r."deliberation_id" = d."id"
    WHERE ${publishedDeliberationSql("d", municipalityId)}
      AND (lower(r."actes_id") = lower(${query.trim()}) OR starts_with(lower(r."actes_id"), lower(${`${actes.value.actId}-`})))
    LIMIT 1`);
  return rows[0]?.number ?? null;
}
