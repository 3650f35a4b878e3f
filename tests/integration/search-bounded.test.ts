import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { searchDeliberations, type SearchResult } from "@/lib/search/search-deliberations";
import { parseSearchParams } from "@/lib/search/search-params";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// The bounded search (lib/search/search-sql.ts) against the exact one, on the
// same acts: six years of twelve acts, every one holding the word, so that a
// small candidate limit is reached in the newest years. The best-ranked act of
// all is in the oldest year: the bounded search must leave it out, say so, and
// lead to it.

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023];
const PER_YEAR = 12;
const LIMIT = 20;
const PAGE = 10;

describe("bounded search", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let best: string;

  const run = (query: Record<string, string>, candidateLimit: number | null): Promise<SearchResult> =>
    searchDeliberations({ municipalityId: fixture.municipalityId, params: parseSearchParams(query), pageSize: PAGE, candidateLimit, db });
  const page = (result: SearchResult) => result.hits.map((hit) => `${hit.number} ${hit.rank.toFixed(6)}`);

  beforeAll(async () => {
    const url = await createDatabase("registre_search_bounded");
    client = await connect(url);
    db = createPrismaClient(url);
    fixture = await insertMunicipality(client, { members: 5 });
    await client.query(`UPDATE councillor SET mandate_start = '2014-03-30' WHERE municipality_id = $1`, [fixture.municipalityId]);
    for (const year of YEARS) {
      const sittingId = randomUUID();
      await client.query(
        `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
         VALUES ($1, $2, $3, 'Salle du conseil', $4, $5, $5, $6)`,
        [sittingId, fixture.municipalityId, `${year}-06-15T16:00:00Z`, `${year}-06-08`, fixture.councillorIds[0], fixture.councillorIds[1]],
      );
      for (let sequence = 1; sequence <= PER_YEAR; sequence += 1) {
        // Where the word stands, and how often: ranks that differ, and ties broken by number.
        const place = sequence % 3;
        const repeated = "subvention ".repeat(1 + (sequence % 4));
        const strongest = year === 2018 && sequence === 1;
        const id = randomUUID();
        await client.query(
          `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject,
             matter_code, report, proposals, status, outcome)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $7, '7.5', $8, $9, 'TRANSMITTED', 'ADOPTED')`,
          [id, fixture.municipalityId, sittingId, `DL.${year}-${sequence}`, year, sequence,
            strongest ? "Subvention subvention subvention" : place === 0 ? `Attribution d'une ${repeated}au club ${sequence}` : `Convention avec l'association ${sequence}`,
            `Rapport de l'année ${year} sur la ${place === 2 ? repeated : "dépense"}.`,
            place === 1 ? `VERSER la ${repeated}prévue.` : "APPROUVER la présente."],
        );
        if (strongest) best = `DL.${year}-${sequence}`;
        await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
      }
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[search]: under its limit, the bounded search is the exact one, page after page, in both orders", async () => {
    const queries: Record<string, string>[] = [{ q: "subvention" }, { q: "subvention", tri: "date" }, { q: "subvention", page: "3" }, { matiere: "7" }];
    for (const query of queries) {
      const bounded = await run(query, 1000);
      const exact = await run(query, null);
      expect(bounded.total).toBe(YEARS.length * PER_YEAR);
      expect(bounded.searchedFromYear).toBeNull();
      expect(page(bounded)).toEqual(page(exact));
      expect(bounded.pageCount).toBe(exact.pageCount);
    }
  });

  it("[search]: past its limit, sorted by date, the first page is the exact one, and the count is that of the newest years", async () => {
    const bounded = await run({ q: "subvention", tri: "date" }, LIMIT);
    const exact = await run({ q: "subvention", tri: "date" }, null);
    expect(page(bounded)).toEqual(page(exact));
    // 2023 and 2022 reach the limit: 24 counted, from 2022.
    expect(bounded.total).toBe(2 * PER_YEAR);
    expect(bounded.searchedFromYear).toBe(2022);
    expect(exact.total).toBe(YEARS.length * PER_YEAR);
  });

  it("[search]: past its limit, by relevance, the first page is the exact ranking of the years searched, and the older best match is left out", async () => {
    const bounded = await run({ q: "subvention" }, LIMIT);
    const exact = await run({ q: "subvention" }, null);
    const exactOfSpan = await run({ q: "subvention", du: "2022-01-01" }, null);
    expect(bounded.searchedFromYear).toBe(2022);
    expect(page(bounded)).toEqual(page(exactOfSpan));
    expect(exact.hits[0]?.number).toBe(best);
    expect(bounded.hits.map((hit) => hit.number)).not.toContain(best);
    expect(bounded.hits.every((hit) => Number(hit.number.slice(3, 7)) >= 2022)).toBe(true);
  });

  it("[search]: the older years are reached by searching before the first year searched, until none is left out", async () => {
    const seen = new Set<string>();
    let query: Record<string, string> = { q: "subvention", tri: "date" };
    const steps: (number | null)[] = [];
    for (let step = 0; step < YEARS.length; step += 1) {
      for (let pageNumber = 1; ; pageNumber += 1) {
        const result = await run({ ...query, page: String(pageNumber) }, LIMIT);
        for (const hit of result.hits) seen.add(hit.number);
        if (pageNumber >= result.pageCount) {
          steps.push(result.searchedFromYear);
          break;
        }
      }
      const from = steps.at(-1);
      if (!from) break;
      query = { ...query, au: `${from - 1}-12-31` };
    }
    expect(steps).toEqual([2022, 2020, null]);
    expect(seen.size).toBe(YEARS.length * PER_YEAR);
    expect(seen.has(best)).toBe(true);
  });

  it("[search]: within a period, the years are counted from the period's last one: the first page is the period's exact one", async () => {
    const period = { q: "subvention", tri: "date", du: "2019-01-01", au: "2021-12-31" };
    const bounded = await run(period, LIMIT);
    const exact = await run(period, null);
    expect(exact.total).toBe(3 * PER_YEAR);
    expect(page(bounded)).toEqual(page(exact));
    // 2021 and 2020 reach the limit; 2019, in the period, is left out (and said to be), the years after it never counted.
    expect(bounded.total).toBe(2 * PER_YEAR);
    expect(bounded.searchedFromYear).toBe(2020);
    expect(bounded.hits.every((hit) => ["2020", "2021"].includes(hit.number.slice(3, 7)))).toBe(true);
    const whole = await run({ ...period, du: "2021-01-01" }, LIMIT);
    expect(whole.total).toBe(PER_YEAR);
    expect(whole.searchedFromYear).toBeNull();
  });

  it("[search]: a chosen year or sitting is a bound of its own: counted and ranked exactly", async () => {
    const year = await run({ q: "subvention", annee: "2019" }, 5);
    expect(year.total).toBe(PER_YEAR);
    expect(year.searchedFromYear).toBeNull();
    expect(page(year)).toEqual(page(await run({ q: "subvention", annee: "2019" }, null)));
  });
});
