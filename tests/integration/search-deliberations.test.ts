import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { findDeliberationByReference, numberFromQuery } from "@/lib/search/find-deliberation-by-reference";
import { formatCouncillorName } from "@/lib/domain";
import { listSearchFacets } from "@/lib/search/list-search-facets";
import { buildSearchFilterOptions } from "@/lib/search/list-search-filter-options";
import { searchDeliberations } from "@/lib/search/search-deliberations";
import { parseSearchParams, searchQueryString } from "@/lib/search/search-params";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/search/search-sql";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

type Row = {
  sequence: number;
  subject: string;
  report?: string;
  proposals?: string;
  year?: number;
  matterCode?: string;
  status?: "PUBLISHED" | "DRAFT";
  outcome?: "ADOPTED" | "REJECTED" | "WITHDRAWN";
  rapporteur?: string;
  sittingId?: string;
  vote?: { against: number; abstentions: number };
  previousVersionId?: string;
  version?: number;
};

async function insertPublished(client: pg.Client, fixture: Fixture, row: Row): Promise<string> {
  const id = randomUUID();
  const year = row.year ?? 2022;
  const status = row.status ?? "PUBLISHED";
  await client.query(
    `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject,
       matter_code, report, proposals, status, outcome, published_at, rapporteur_id, previous_version_id, version, rectification_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [id, fixture.municipalityId, row.sittingId ?? fixture.sittingId, `DL.${year}-${row.sequence}`, year, row.sequence, row.subject,
      row.matterCode ?? "7.10", row.report ?? "Rapport sans rapport avec la question.", row.proposals ?? "APPROUVER la présente.",
      // Written as transmitted, then published once its vote is in: a published act is immutable.
      status === "DRAFT" ? "DRAFT" : "TRANSMITTED", status === "DRAFT" ? null : (row.outcome ?? "ADOPTED"), null,
      row.rapporteur ?? null, row.previousVersionId ?? null, row.version ?? 1, row.version ? "Erreur matérielle." : null],
  );
  if (row.vote) {
    const forVotes = 5 - row.vote.against - row.vote.abstentions;
    await client.query(
      `INSERT INTO vote (municipality_id, deliberation_id, present_and_represented, present, represented, abstentions,
         non_participation, expressed, votes_for, votes_against, result)
       VALUES ($1, $2, 5, 5, 0, $3, 0, $4, $5, $6, $7)`,
      [fixture.municipalityId, id, row.vote.abstentions, 5 - row.vote.abstentions, forVotes, row.vote.against, row.outcome ?? "ADOPTED"],
    );
  }
  if (status === "PUBLISHED") await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
  return id;
}

describe("search", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let referenceMunicipalityId: string;
  let otherSittingId: string;

  const search = (query: Record<string, string>, municipalityId = fixture.municipalityId) =>
    searchDeliberations({ municipalityId, params: parseSearchParams(query), db });
  const numbers = async (query: Record<string, string>) => (await search(query)).hits.map((hit) => hit.number);

  beforeAll(async () => {
    const url = await createDatabase("registre_search", { seeded: "demo" });
    client = await connect(url);
    db = createPrismaClient(url);
    referenceMunicipalityId = (await client.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;

    fixture = await insertMunicipality(client, { members: 5 });
    otherSittingId = randomUUID();
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, '2023-03-09T17:00:00Z', 'Salle du conseil', '2023-03-02', $3, $3, $4)`,
      [otherSittingId, fixture.municipalityId, fixture.councillorIds[0], fixture.councillorIds[1]],
    );
    const [mayor, deputy] = fixture.councillorIds;
    await insertPublished(client, fixture, { sequence: 1, subject: "AIDE AUX FAMILLES MONOPARENTALES", matterCode: "7.5", rapporteur: deputy, vote: { against: 0, abstentions: 0 } });
    await insertPublished(client, fixture, { sequence: 2, subject: "DÉLIBÉRATION BUDGÉTAIRE MODIFICATIVE", matterCode: "7.1", vote: { against: 2, abstentions: 0 } });
    await insertPublished(client, fixture, { sequence: 3, subject: "RÈGLEMENT INTÉRIEUR", report: "Le conseil municipal adopte son règlement.", matterCode: "5.2", rapporteur: mayor });
    await insertPublished(client, fixture, { sequence: 4, subject: "VOIRIE", report: "Le municipal et le conseil de quartier se sont réunis.", matterCode: "8.3", outcome: "REJECTED" });
    await insertPublished(client, fixture, { sequence: 5, subject: "PISCINE MUNICIPALE - TARIFS", matterCode: "7.10" });
    await insertPublished(client, fixture, { sequence: 6, subject: "MARCHÉ DE NETTOYAGE", report: "La piscine sera nettoyée chaque semaine.", matterCode: "1.1" });
    await insertPublished(client, fixture, { sequence: 7, subject: "PISCINE - BROUILLON NON PUBLIÉ", status: "DRAFT" });
    const original = await insertPublished(client, fixture, { sequence: 8, subject: "JUMELAGE AVEC UNE VILLE ITALIENNE - VERSION INITIALE" });
    await insertPublished(client, fixture, { sequence: 8, subject: "JUMELAGE AVEC UNE VILLE ITALIENNE - VERSION RECTIFIÉE", previousVersionId: original, version: 2 });
    await insertPublished(client, fixture, { sequence: 1, year: 2023, subject: "AIDE AUX FAMILLES - RECONDUCTION", sittingId: otherSittingId, matterCode: "7.5", outcome: "WITHDRAWN" });
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[search]: a word finds its other forms (famille finds familles)", async () => {
    expect(await numbers({ q: "famille" })).toEqual(expect.arrayContaining(["DL.2022-1", "DL.2023-1"]));
  });

  it("[search]: accents and case are ignored", async () => {
    expect(await numbers({ q: "deliberation" })).toEqual(["DL.2022-2"]);
    expect(await numbers({ q: "DÉLIBÉRATION" })).toEqual(["DL.2022-2"]);
    expect(await numbers({ q: "budgetaire" })).toEqual(["DL.2022-2"]);
  });

  it("[search]: words in quotes must follow each other", async () => {
    expect(await numbers({ q: '"conseil municipal"' })).toEqual(["DL.2022-3"]);
    expect(new Set(await numbers({ q: "conseil municipal" }))).toEqual(new Set(["DL.2022-3", "DL.2022-4"]));
  });

  it("[search]: a match in the subject ranks above a match in the report", async () => {
    expect(await numbers({ q: "piscine" })).toEqual(["DL.2022-5", "DL.2022-6"]);
  });

  it("[search]: only published deliberations, and only the newest version of a rectified one, are found", async () => {
    expect(await numbers({ q: "brouillon" })).toEqual([]);
    const found = await search({ q: "jumelage" });
    expect(found.hits.map((hit) => hit.subject)).toEqual(["JUMELAGE AVEC UNE VILLE ITALIENNE - VERSION RECTIFIÉE"]);
  });

  it("[search]: a councillor's name finds the councillor and the acts they reported (JOISSAINS, Fabienne VINCENTI)", async () => {
    const mayor = await search({ q: "JOISSAINS" }, referenceMunicipalityId);
    expect(mayor.councillors.map((councillor) => `${councillor.firstName} ${councillor.lastName}`)).toEqual(["Sophie JOISSAINS"]);
    const rapporteur = await search({ q: "Fabienne VINCENTI" }, referenceMunicipalityId);
    expect(rapporteur.councillors).toEqual([expect.objectContaining({ firstName: "Fabienne", lastName: "VINCENTI", reported: 1 })]);
    expect(rapporteur.hits.map((hit) => hit.number)).toContain("DL.2022-91");
    // Accents, case and the civility are ignored; a word that is not in the name finds no councillor.
    expect((await search({ q: "madame fabienne vincenti" }, referenceMunicipalityId)).councillors).toHaveLength(1);
    expect((await search({ q: "gerard bramoulle" }, referenceMunicipalityId)).councillors.map((councillor) => councillor.lastName)).toEqual(["BRAMOULLÉ"]);
    expect((await search({ q: "VINCENTI convention" }, referenceMunicipalityId)).councillors).toEqual([]);
    // Whole words: VINCENT is not VINCENTI.
    expect((await search({ q: "VINCENT" }, referenceMunicipalityId)).councillors.map((councillor) => councillor.lastName)).toEqual(["VINCENT"]);
  });

  it("[search]: an act found by its rapporteur's name ranks after those matching in their text", async () => {
    // The deputy reported DL.2022-1; "règlement" is in DL.2022-3's subject.
    await client.query(`UPDATE councillor SET first_name = 'Ondine', last_name = 'RÈGLEMENT' WHERE id = $1`, [fixture.councillorIds[1]]);
    const byName = await search({ q: "Règlement" });
    expect(byName.councillors.map((councillor) => councillor.lastName)).toEqual(["RÈGLEMENT"]);
    expect(byName.hits.map((hit) => hit.number)).toEqual(["DL.2022-3", "DL.2022-1"]);
    expect((await search({ q: "Ondine RÈGLEMENT" })).hits.map((hit) => hit.number)).toEqual(["DL.2022-1"]);
    // Another municipality's councillors are not named.
    expect((await search({ q: "Ondine" }, referenceMunicipalityId)).councillors).toEqual([]);
  });

  it("[search]: another municipality's deliberations are never found", async () => {
    expect((await search({ q: "famille" }, referenceMunicipalityId)).hits.map((hit) => hit.number)).not.toContain("DL.2023-1");
  });

  it("[search]: matched words are highlighted in the subject and the excerpt", async () => {
    const [hit] = (await search({ q: "familles" })).hits;
    expect(hit?.subjectHighlighted).toContain(`${HIGHLIGHT_START}FAMILLES${HIGHLIGHT_STOP}`);
    const [inReport] = (await search({ q: "nettoyée" })).hits;
    expect(inReport?.excerpt).toContain(`${HIGHLIGHT_START}nettoyée${HIGHLIGHT_STOP}`);
  });

  it("[search]: filters by year, date range and sitting", async () => {
    expect(await numbers({ q: "famille", annee: "2023" })).toEqual(["DL.2023-1"]);
    expect(await numbers({ q: "famille", du: "2023-01-01" })).toEqual(["DL.2023-1"]);
    expect(await numbers({ q: "famille", au: "2022-12-31" })).toEqual(["DL.2022-1"]);
    expect(await numbers({ seance: otherSittingId })).toEqual(["DL.2023-1"]);
  });

  it("[search]: a level-1 matter takes its whole family, a level-2 one only itself (7.1 is not 7.10)", async () => {
    expect(new Set(await numbers({ matiere: "7" }))).toEqual(new Set(["DL.2022-1", "DL.2022-2", "DL.2022-5", "DL.2022-8", "DL.2023-1"]));
    expect(await numbers({ matiere: "7.1" })).toEqual(["DL.2022-2"]);
    expect(new Set(await numbers({ matiere: "7.10" }))).toEqual(new Set(["DL.2022-5", "DL.2022-8"]));
  });

  it("[search]: filters by rapporteur, result and unanimity", async () => {
    expect(await numbers({ rapporteur: fixture.councillorIds[1]! })).toEqual(["DL.2022-1"]);
    expect(await numbers({ resultat: "rejetee" })).toEqual(["DL.2022-4"]);
    expect(await numbers({ resultat: "retiree" })).toEqual(["DL.2023-1"]);
    expect(await numbers({ unanimite: "oui" })).toEqual(["DL.2022-1"]);
    expect(await numbers({ unanimite: "non" })).not.toContain("DL.2022-1");
  });

  it("[search]: sorted by date, newest sitting first, with a count and pages", async () => {
    const all = await searchDeliberations({ municipalityId: fixture.municipalityId, params: parseSearchParams({ tri: "date" }), pageSize: 3, db });
    expect(all.total).toBe(8);
    expect(all.pageCount).toBe(3);
    expect(all.hits[0]?.number).toBe("DL.2023-1");
    const last = await searchDeliberations({ municipalityId: fixture.municipalityId, params: parseSearchParams({ tri: "date", page: "3" }), pageSize: 3, db });
    expect(last.hits).toHaveLength(2);
    const beyond = await searchDeliberations({ municipalityId: fixture.municipalityId, params: parseSearchParams({ page: "9" }), pageSize: 3, db });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(8);
  });

  it("[search]: hostile or absurd queries give an empty or sensible result, never an error", async () => {
    const hostile = [
      "x".repeat(10_000),
      "famille ".repeat(2_000),
      "!!!???,,,;;;",
      "'; DROP TABLE deliberation; --",
      "famille & | ! ( :* <-> )",
      "(((((",
      '"""',
      "\u0000famille\u0000",
      "le la les de",
      "%_%",
      "\\",
    ];
    for (const q of hostile) {
      const result = await search({ q });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect((await search({ q: "!!!???,,,;;;" })).meaninglessQuery).toBe(true);
    expect((await search({ q: "'; DROP TABLE deliberation; --" })).hits).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS n FROM deliberation`)).rows[0].n).toBeGreaterThan(0);
    // Malformed filters are dropped, not refused.
    const params = parseSearchParams({ annee: "deux-mille", matiere: "7.1'; --", seance: "pas-un-uuid", page: "-4", tri: "hasard" });
    expect(params).toMatchObject({ annee: undefined, matiere: undefined, seance: undefined, page: 1, tri: undefined });
  });

  it("[search]: the reference case: « convention territoriale globale » finds DL.2022-91 first", async () => {
    const found = await search({ q: "convention territoriale globale" }, referenceMunicipalityId);
    expect(found.hits[0]?.number).toBe("DL.2022-91");
    const filtered = await search({ q: "convention territoriale globale", annee: "2022", matiere: "7" }, referenceMunicipalityId);
    expect(filtered.hits.map((hit) => hit.number)).toEqual(["DL.2022-91"]);
  });

  it("[search]: a number or a receipt identifier leads straight to the deliberation", async () => {
    expect(numberFromQuery("2022-91")).toBe("DL.2022-91");
    expect(numberFromQuery("dl 2022-091")).toBe("DL.2022-91");
    expect(numberFromQuery("conseil 2022")).toBeNull();
    const lookup = (query: string) => findDeliberationByReference({ municipalityId: referenceMunicipalityId, query, db });
    expect(await lookup("DL.2022-91")).toBe("DL.2022-91");
    expect(await lookup("2022-91")).toBe("DL.2022-91");
    expect(await lookup("013-211300017-20220407-lmc1210471-DE-1-1")).toBe("DL.2022-91");
    expect(await lookup("013-211300017-20220407-LMC1210471-DE")).toBe("DL.2022-91");
    expect(await lookup("DL.2022-9999")).toBeNull();
    // A draft's number leads nowhere.
    expect(await findDeliberationByReference({ municipalityId: fixture.municipalityId, query: "DL.2022-7", db })).toBeNull();
  });

  it("[search]: the filters offer only years, sittings and rapporteurs that lead to a published deliberation", async () => {
    const facets = await listSearchFacets({ municipalityId: fixture.municipalityId, db });
    expect(facets.years).toEqual([2023, 2022]);
    expect(facets.sittings.map((sitting) => sitting.id)).toEqual([otherSittingId, fixture.sittingId]);
    expect(facets.rapporteurs.map((councillor) => councillor.id).sort()).toEqual([fixture.councillorIds[0], fixture.councillorIds[1]].sort());
  });

  it("[search]: the subject ranks first, then the proposals, then matches in the report alone, newest first", async () => {
    const other = await insertMunicipality(client, { members: 5 });
    await insertPublished(client, other, { sequence: 1, subject: "MARCHÉ DES HALLES", proposals: "APPROUVER le règlement." });
    await insertPublished(client, other, { sequence: 2, subject: "VOIRIE", proposals: "APPROUVER la rénovation des halles." });
    await insertPublished(client, other, { sequence: 3, subject: "ÉCLAIRAGE PUBLIC", report: "Les halles seront éclairées la nuit." });
    await insertPublished(client, other, { sequence: 4, subject: "PROPRETÉ", report: "Le nettoyage des halles est confié à la régie." });
    const found = await search({ q: "halles" }, other.municipalityId);
    expect(found.hits.map((hit) => hit.number)).toEqual(["DL.2022-1", "DL.2022-2", "DL.2022-4", "DL.2022-3"]);
    expect(found.total).toBe(4);
    // The relevance vector is the database's: subject and proposals, not the report.
    const vectors = await client.query<{ sequence: number; ranked: boolean; found: boolean }>(
      `SELECT sequence, search_rank_vector @@ to_tsquery('registre_french', 'halles') AS ranked,
         search_vector @@ to_tsquery('registre_french', 'halles') AS found
       FROM deliberation WHERE municipality_id = $1 ORDER BY sequence`,
      [other.municipalityId],
    );
    expect(vectors.rows).toEqual([
      { sequence: 1, ranked: true, found: true },
      { sequence: 2, ranked: true, found: true },
      { sequence: 3, ranked: false, found: true },
      { sequence: 4, ranked: false, found: true },
    ]);
  });

  it("[search]: a date range is in Paris time, both ends included", async () => {
    const other = await insertMunicipality(client, { members: 5 });
    const newYearSittingId = randomUUID();
    // 23:30 UTC on 31 December 2022 is half past midnight on 1 January 2023 in Paris.
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, '2022-12-31T23:30:00Z', 'Salle du conseil', '2022-12-26', $3, $3, $4)`,
      [newYearSittingId, other.municipalityId, other.councillorIds[0], other.councillorIds[1]],
    );
    await insertPublished(client, other, { sequence: 1, year: 2023, subject: "VŒUX DU NOUVEL AN", sittingId: newYearSittingId });
    const found = async (query: Record<string, string>) => (await search(query, other.municipalityId)).hits.map((hit) => hit.number);
    expect(await found({ q: "voeux", du: "2023-01-01" })).toEqual(["DL.2023-1"]);
    expect(await found({ q: "voeux", du: "2023-01-01", au: "2023-01-01" })).toEqual(["DL.2023-1"]);
    expect(await found({ q: "voeux", au: "2022-12-31" })).toEqual([]);
    expect(await found({ q: "voeux", du: "2023-01-02" })).toEqual([]);
  });

  it("[search]: the form's filter options carry their French labels", async () => {
    const options = await buildSearchFilterOptions({ municipalityId: fixture.municipalityId, db });
    expect(options.years).toEqual([2023, 2022]);
    expect(options.sittings).toEqual([
      { value: otherSittingId, label: "9 mars 2023", year: 2023 },
      { value: fixture.sittingId, label: "7 avril 2022", year: 2022 },
    ]);
    const councillors = await db.councillor.findMany({ where: { id: { in: [fixture.councillorIds[0]!, fixture.councillorIds[1]!] } } });
    expect(options.rapporteurs.map((option) => option.label).sort()).toEqual(councillors.map((councillor) => formatCouncillorName(councillor)).sort());
  });

  it("[search]: the state of a search round-trips through its URL", () => {
    const params = parseSearchParams({ q: "piscine", annee: "2022", matiere: "7.10", resultat: "adoptee", tri: "date", page: "2" });
    expect(parseSearchParams(new URLSearchParams(searchQueryString(params)))).toEqual(params);
  });
});
