import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_ACCOUNTS, signInRequest } from "../support/sign-in";

// Requests a crawler, a fuzzer or an attacker sends: each gets a 4xx answer in
// French (or, for a malformed search filter, the page without that filter),
// never a 500, and none of them leaves a file in Next's route cache.

const DASHES = "-".repeat(36);

async function expectRefusedInFrench(response: APIResponse, url: string, statuses: number[]) {
  expect(statuses, `${url} answered ${response.status()}`).toContain(response.status());
  const body = await response.text();
  expect(body, `${url} answers in French`).toMatch(/introuvable|n'existe pas|refusée|pas valide|mal encodés|caractères de contrôle|n'est pas acceptée|trop longue|Aucune|aucune/i);
}

const PUBLIC_REFUSALS: { url: string; statuses: number[] }[] = [
  { url: "/seances/0000-01-01", statuses: [404] },
  { url: "/seances/2022-02-31", statuses: [404] },
  { url: "/seances/2022-13-45", statuses: [404] },
  { url: "/seances/%FF", statuses: [400, 404] },
  { url: "/seances/0000-01-01/liste-des-deliberations.pdf", statuses: [404] },
  { url: "/seances/0000-01-01/proces-verbal.pdf", statuses: [404] },
  { url: "/seances/0000-01-01/convocation.pdf", statuses: [404] },
  { url: "/deliberations/%25", statuses: [404] },
  { url: "/deliberations/DL%252E2022-91", statuses: [404] },
  { url: "/deliberations/%FF", statuses: [400, 404] },
  { url: "/deliberations/%E9", statuses: [400, 404] },
  { url: "/deliberations/a%00b", statuses: [400, 404] },
  { url: `/deliberations/${"x".repeat(3000)}`, statuses: [404, 414] },
  { url: "/deliberations/%25/extrait.pdf", statuses: [404] },
  { url: "/deliberations/DL%252E2022-91/extrait.pdf", statuses: [404] },
  { url: "/elus/%FF", statuses: [400, 404] },
  { url: `/elus/${DASHES}`, statuses: [404] },
  { url: "/api/v1/deliberations/%00", statuses: [400, 404] },
  { url: "/api/v1/deliberations/%25", statuses: [404] },
  { url: "/api/v1/councillors/%FF", statuses: [400, 404] },
  { url: `/api/v1/sittings/${DASHES}`, statuses: [400, 404] },
  { url: "/api/auth/callback/credentials?callbackUrl=%", statuses: [400] },
  { url: "/api/auth/signin?callbackUrl=http%3A%2F%2F%25zz", statuses: [302, 400] },
];

for (const { url, statuses } of PUBLIC_REFUSALS) {
  test(`[hostile]: ${url.slice(0, 60)} is refused in French, not a 500`, async ({ request }) => {
    await expectRefusedInFrench(await request.get(url, { maxRedirects: 0 }), url, statuses);
  });
}

// A malformed filter is dropped: the page answers as if it had not been given.
const LENIENT_QUERIES = ["/recherche?du=2022-02-31", "/recherche?au=2022-04-31&du=0000-01-01", "/recherche?q=%00&page=1e300", "/flux/recherche.atom?au=2022-04-31", "/seances?annee=%FF", "/deliberations?page=1e300"];

for (const url of LENIENT_QUERIES) {
  test(`[hostile]: ${url} drops the malformed filter and answers 200`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
  });
}

test("[hostile]: TRACE and other methods the portal does not answer get 405", async ({ request }) => {
  // (TRACK is not even an HTTP method to Node's parser, which answers 400 before the front.)
  for (const [method, url] of [["TRACE", "/"], ["TRACE", "/deliberations/DL.2022-91"], ["PROPFIND", "/seances"]] as const) {
    const response = await request.fetch(url, { method });
    expect(response.status(), `${method} ${url}`).toBe(405);
    expect(await response.text()).toContain("n'est pas acceptée");
  }
});

const ADMIN_CASES = [
  "/admin/journal?page=1e300",
  "/admin/journal?page=-5",
  "/admin/journal?page=abc",
  "/admin/journal?du=2022-13-45",
  "/admin/journal?au=2022-02-31",
  "/admin/journal?du=0000-01-01",
  "/admin/journal?objet=%00",
  "/admin/journal?action=a%00b",
  `/admin/journal?utilisateur=${DASHES}`,
  "/admin/journal?objet=a&objet=b&page=2&page=3",
  "/admin/elus?q=a&q=b",
  "/admin/elus?q=%00",
];

const ADMIN_IDS = [DASHES, "abc", "%FF", "00000000-0000-0000-0000-000000000000"];
const ADMIN_ID_PAGES = ["/admin/deliberations/:id", "/admin/seances/:id", "/admin/seances/:id/appel", "/admin/seances/:id/deliberations/nouvelle", "/admin/elus/:id", "/admin/utilisateurs/:id", "/api/extracts/deliberations/:id"];

async function adminRequest(request: APIRequestContext) {
  await signInRequest(request, DEMO_ACCOUNTS.admin);
}

test("[hostile]: malformed back-office query parameters give the page, never a 500", async ({ request }) => {
  await adminRequest(request);
  for (const url of ADMIN_CASES) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).toMatch(/espace du greffe/i);
  }
});

test("[hostile]: malformed back-office identifiers answer 404 (or 400) in French, never a 500", async ({ request }) => {
  await adminRequest(request);
  for (const template of ADMIN_ID_PAGES) {
    for (const id of ADMIN_IDS) {
      const url = template.replace(":id", id);
      await expectRefusedInFrench(await request.get(url, { maxRedirects: 0 }), url, [400, 404]);
    }
  }
});

async function routeCacheFiles(): Promise<string[]> {
  const dir = path.resolve(process.env.REGISTRE_NEXT_DIST_DIR ?? ".next", "server");
  const found: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(full);
    }
  };
  await walk(dir);
  return found;
}

test("[hostile]: made-up addresses leave nothing in Next's route cache", async ({ request }) => {
  const marker = `zz${Date.now().toString(36)}`;
  for (let index = 0; index < 50; index++) {
    expect((await request.get(`/deliberations/${marker}-${index}`)).status()).toBe(404);
    expect((await request.get(`/deliberations/DL.1999-${9000 + index}`)).status()).toBe(404);
    expect((await request.get(`/seances/1999-01-${String((index % 28) + 1).padStart(2, "0")}-${marker}`)).status()).toBe(404);
    expect((await request.get(`/seances/1998-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 28) + 1).padStart(2, "0")}`)).status()).toBe(404);
  }
  const after = await routeCacheFiles();
  expect(after.filter((file) => file.includes(marker) || file.includes("DL.1999-9") || file.includes("seances/1998-"))).toEqual([]);
  // Other test files cache real pages meanwhile, so the total is not compared, only these addresses.
});
