import { XMLParser, XMLValidator } from "fast-xml-parser";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { renderPublicationsFeed, renderSearchFeed } from "@/lib/opendata/deliberation-feeds";
import { parseSearchParams } from "@/lib/search/search-params";
import { connect, createDatabase } from "./support/database";

type Entry = { id: string; title: string; updated: string; link: { "@_href": string; "@_rel": string }; summary: unknown };

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Well-formed XML, and the elements RFC 4287 requires of a feed and of each entry. */
function readAtom(xml: string, municipalityName: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml) as { feed: Record<string, unknown> & { entry?: Entry[]; link: { "@_rel": string; "@_href": string }[] } };
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(String(feed.id)).toMatch(/^https:\/\/deliberations\.example\.fr\/flux\/(publications|recherche)\.atom(\?|$)/);
  expect(String(feed.title)).toMatch(/^(Délibérations publiées|Recherche.*) : /);
  expect(String(feed.title).endsWith(` : ${municipalityName}`)).toBe(true);
  expect(String(feed.updated)).toMatch(ISO);
  expect((feed.author as { name: string }).name).toBe(municipalityName);
  expect(feed.link.find((link) => link["@_rel"] === "self")?.["@_href"]).toMatch(/^https:\/\//);
  const entries = (feed.entry ?? []).map((entry) => ({ ...entry, link: (entry.link as unknown as Entry["link"][])[0]! }));
  for (const entry of entries) {
    expect(entry.id).toMatch(/^https:\/\//);
    expect(String(entry.title)).toMatch(/^(\[Démonstration, fictif\] )?(DL\.\d{4}-\d+|\d{4}-\d{2}-\d{3}) : \S/);
    expect(String(entry.updated)).toMatch(ISO);
    expect(entry.link["@_href"]).toMatch(/^https:\/\/deliberations\.example\.fr\/deliberations\/(DL\.\d{4}-\d+|\d{4}-\d{2}-\d{3})$/);
  }
  return { feed, entries };
}

describe("Atom feeds", () => {
  let client: pg.Client;
  let db: Db;
  let municipality: { id: string; name: string; slug: string; timeZone: string };
  const baseUrl = "https://deliberations.example.fr";

  beforeAll(async () => {
    const url = await createDatabase("registre_feeds", { seeded: "demo" });
    client = await connect(url);
    db = createPrismaClient(url);
    municipality = (await client.query(`SELECT id, name, slug, time_zone AS "timeZone" FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0];
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[feeds]: the publications feed is valid Atom, newest publication first, demo entries labelled fictional", async () => {
    const { entries } = readAtom(await renderPublicationsFeed({ municipality, baseUrl, db }), municipality.name);
    expect(entries.length).toBeGreaterThan(0);
    const dates = entries.map((entry) => String(entry.updated));
    expect([...dates].sort().reverse()).toEqual(dates);
    const demo = await client.query(`SELECT number FROM deliberation WHERE is_demo AND status = 'PUBLISHED'`);
    const demoNumbers = new Set(demo.rows.map((row: { number: string }) => row.number));
    for (const entry of entries) {
      const number = String(entry.link["@_href"]).split("/").pop()!;
      if (demoNumbers.has(number)) expect(String(entry.title)).toMatch(/^\[Démonstration, fictif\]/);
      else expect(String(entry.title)).not.toMatch(/Démonstration/);
    }
  });

  it("[feeds]: a search's feed is valid Atom and holds that search's results", async () => {
    const { feed, entries } = readAtom(
      await renderSearchFeed({ municipality, baseUrl, db, params: parseSearchParams({ q: "convention territoriale globale", annee: "2022" }) }),
      municipality.name,
    );
    expect(entries.map((entry) => String(entry.link["@_href"]))).toContain(`${baseUrl}/deliberations/DL.2022-91`);
    expect(feed.link.find((link) => link["@_rel"] === "alternate")?.["@_href"]).toBe(
      `${baseUrl}/recherche?q=convention+territoriale+globale&annee=2022`,
    );
  });

  it("[feeds]: a hostile query still gives a valid, empty feed", async () => {
    for (const q of ["<script>alert(1)</script> & ]]>", "!!!", "\u0001zzzzqx\u0002", "x".repeat(10_000)]) {
      const xml = await renderSearchFeed({ municipality, baseUrl, db, params: parseSearchParams({ q }) });
      const { entries } = readAtom(xml, municipality.name);
      expect(entries).toEqual([]);
      expect(xml).not.toContain("<script>");
    }
  });
});
