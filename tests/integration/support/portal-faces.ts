import { createHash } from "node:crypto";
import type { ReactElement } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "@/lib/db/prisma";

// What citizens and machines get from a portal, as text: every public page
// rendered by its own component, every public route answered by its own
// handler, on one database or another (the data modules read getPrisma(),
// which is swapped here). Two portals holding the same records must give
// the same text, byte for byte. The PDFs are compared by digest.

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<ReactElement> | ReactElement;
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

const BASE = "http://127.0.0.1:3000";

async function modules() {
  return {
    home: (await import("@/app/(public)/page")).default as unknown as Page,
    deliberations: (await import("@/app/(public)/deliberations/page")).default as unknown as Page,
    deliberation: (await import("@/app/(public)/deliberations/[number]/page")).default as unknown as Page,
    sittings: (await import("@/app/(public)/seances/page")).default as unknown as Page,
    sitting: (await import("@/app/(public)/seances/[date]/page")).default as unknown as Page,
    councillors: (await import("@/app/(public)/elus/page")).default as unknown as Page,
    councillor: (await import("@/app/(public)/elus/[id]/page")).default as unknown as Page,
    statistics: (await import("@/app/(public)/statistiques/page")).default as unknown as Page,
    ...(await import("@/lib/search/search-deliberations")),
    ...(await import("@/lib/search/search-params")),
    ...(await import("@/lib/search/list-search-filter-options")),
    register: (await import("@/app/(public)/registre/page")).default as unknown as Page,
    openData: (await import("@/app/(public)/donnees/page")).default as unknown as Page,
    ...(await import("@/lib/extracts/verify-issued-extract")),
    checkpoints: (await import("@/app/(public)/verifier/journal/page")).default as unknown as Page,
    routes: {
      "/api/v1/municipality": (await import("@/app/api/v1/municipality/route")).GET as unknown as Route,
      "/api/v1/councillors": (await import("@/app/api/v1/councillors/route")).GET as unknown as Route,
      "/api/v1/councillors/[id]": (await import("@/app/api/v1/councillors/[id]/route")).GET as unknown as Route,
      "/api/v1/sittings": (await import("@/app/api/v1/sittings/route")).GET as unknown as Route,
      "/api/v1/sittings/[id]": (await import("@/app/api/v1/sittings/[id]/route")).GET as unknown as Route,
      "/api/v1/deliberations": (await import("@/app/api/v1/deliberations/route")).GET as unknown as Route,
      "/api/v1/deliberations/[number]": (await import("@/app/api/v1/deliberations/[number]/route")).GET as unknown as Route,
      "/donnees/scdl/[file]": (await import("@/app/(public)/donnees/scdl/[file]/route")).GET as unknown as Route,
      "/donnees/tableur/[file]": (await import("@/app/(public)/donnees/tableur/[file]/route")).GET as unknown as Route,
      "/deliberations/[number]/annexes/[annexId]": (await import("@/app/(public)/deliberations/[number]/annexes/[annexId]/route")).GET as unknown as Route,
      "/deliberations/[number]/extrait.pdf": (await import("@/app/(public)/deliberations/[number]/extrait.pdf/route")).GET as unknown as Route,
      "/seances/[date]/liste-des-deliberations.pdf": (await import("@/app/(public)/seances/[date]/liste-des-deliberations.pdf/route")).GET as unknown as Route,
      "/seances/[date]/proces-verbal.pdf": (await import("@/app/(public)/seances/[date]/proces-verbal.pdf/route")).GET as unknown as Route,
      "/seances/[date]/convocation.pdf": (await import("@/app/(public)/seances/[date]/convocation.pdf/route")).GET as unknown as Route,
      "/flux/publications.atom": (await import("@/app/flux/publications.atom/route")).GET as unknown as Route,
      "/flux/recherche.atom": (await import("@/app/flux/recherche.atom/route")).GET as unknown as Route,
      "/flux/journal.json": (await import("@/app/flux/journal.json/route")).GET as unknown as Route,
      "/verifier/journal/[file]": (await import("@/app/(public)/verifier/journal/[file]/route")).GET as unknown as Route,
      "/sitemap.xml": (await import("@/app/sitemap.xml/route")).GET as unknown as Route,
    },
  };
}

const globals = globalThis as unknown as { registrePrisma?: Db };

/** Runs `work` with getPrisma() answering from `db`. */
export async function onDatabase<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = globals.registrePrisma;
  globals.registrePrisma = db;
  try {
    return await work();
  } finally {
    globals.registrePrisma = previous;
  }
}

/** What to visit: the addresses a citizen can reach, read from the source portal. */
export type PortalAddresses = {
  municipalityId: string;
  numbers: string[];
  sittingSlugs: string[];
  sittingIds: string[];
  councillorIds: string[];
  years: number[];
  annexes: { number: string; annexId: string }[];
  /** Documents issued before the export: the target serves them as stored (downloading another would sign it anew). */
  issued: { route: keyof Awaited<ReturnType<typeof modules>>["routes"]; params: Record<string, string> }[];
  verificationCodes: string[];
  /** The signed checkpoints' ids, each a file of /verifier/journal. */
  checkpointIds: string[];
  searches: Record<string, string>[];
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function answer(route: Route, path: string, params: Record<string, string>): Promise<string> {
  const response = await route(new NextRequest(`${BASE}${path}`), { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get("content-type") ?? "";
  const body = /pdf|octet-stream/.test(type) ? `sha256:${sha256(bytes)} (${bytes.length} octets)` : new TextDecoder().decode(bytes);
  return `${response.status} ${type}\n${body}`;
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]!));

/** Every public face of the portal, keyed by its address. */
export async function portalFaces(db: Db, addresses: PortalAddresses): Promise<Record<string, string>> {
  const m = await modules();
  return onDatabase(db, async () => {
    const faces: Record<string, string> = {};
    const page = async (address: string, render: Page, params: Record<string, string> = {}, searchParams: Record<string, string> = {}) => {
      try {
        faces[`page ${address}`] = renderToStaticMarkup(await render({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) }));
      } catch (error) {
        // notFound() and redirect() are answers too.
        const digest = (error as { digest?: unknown }).digest;
        if (typeof digest !== "string" || !digest.startsWith("NEXT_")) throw error;
        faces[`page ${address}`] = digest;
      }
    };
    const data = async (name: string, read: () => Promise<unknown>) => {
      faces[`data ${name}`] = JSON.stringify(await read(), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 1);
    };
    const route = async (template: keyof typeof m.routes, params: Record<string, string> = {}, query = "") => {
      const path = `${fill(template, params)}${query}`;
      faces[`route ${path}`] = await answer(m.routes[template], path, params);
    };

    await page("/", m.home);
    await page("/deliberations", m.deliberations);
    await page("/deliberations?page=2", m.deliberations, {}, { page: "2" });
    for (const number of addresses.numbers) await page(`/deliberations/${number}`, m.deliberation, { number: encodeURIComponent(number) });
    await page("/seances", m.sittings);
    for (const year of addresses.years) await page(`/seances?annee=${year}`, m.sittings, {}, { annee: String(year) });
    for (const date of addresses.sittingSlugs) await page(`/seances/${date}`, m.sitting, { date });
    await page("/elus", m.councillors);
    for (const id of addresses.councillorIds) await page(`/elus/${id}`, m.councillor, { id });
    await page("/statistiques", m.statistics);
    // The search page reads its filter options through Next's data cache, which only runs inside Next: its data instead.
    for (const search of addresses.searches) {
      await data(`/recherche?${new URLSearchParams(search)}`, () => m.searchDeliberations({ municipalityId: addresses.municipalityId, params: m.parseSearchParams(search), db }));
    }
    await data("/recherche (options)", () => m.buildSearchFilterOptions({ municipalityId: addresses.municipalityId, db }));
    await page("/registre", m.register);
    await page("/donnees", m.openData);
    // The /verifier page holds a client form (useRouter) that renders only under Next's router: the answer it shows instead.
    for (const code of addresses.verificationCodes) {
      await data(`/verifier?code=${code}`, () => m.verifyIssuedExtract({ municipalityId: addresses.municipalityId, lookup: { verificationCode: code } }));
    }
    await page("/verifier/journal", m.checkpoints);

    await route("/api/v1/municipality");
    await route("/api/v1/councillors", {}, "?perPage=200");
    for (const id of addresses.councillorIds) await route("/api/v1/councillors/[id]", { id });
    await route("/api/v1/sittings", {}, "?perPage=200");
    for (const id of addresses.sittingIds) await route("/api/v1/sittings/[id]", { id });
    await route("/api/v1/deliberations", {}, "?perPage=200");
    await route("/api/v1/deliberations", {}, "?page=2&perPage=10");
    for (const number of addresses.numbers) await route("/api/v1/deliberations/[number]", { number });
    for (const file of ["deliberations.csv", ...addresses.years.map((year) => `deliberations-${year}.csv`)]) {
      await route("/donnees/scdl/[file]", { file });
      await route("/donnees/tableur/[file]", { file });
    }
    for (const annex of addresses.annexes) await route("/deliberations/[number]/annexes/[annexId]", annex);
    for (const document of addresses.issued) await route(document.route, document.params);
    await route("/flux/publications.atom");
    await route("/flux/recherche.atom", {}, "?q=convention");
    await route("/flux/journal.json");
    for (const id of addresses.checkpointIds) await route("/verifier/journal/[file]", { file: `point-de-controle-${id}.json` });
    await route("/sitemap.xml");
    return faces;
  });
}
