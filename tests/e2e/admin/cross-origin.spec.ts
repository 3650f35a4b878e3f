import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { queryOne } from "../public/support/db";
import { routeHandlers, type HttpMethod } from "../support/app-source";
import { createTestAccount } from "../support/accounts";
import { signIn, signInRequest } from "../support/sign-in";

// Issue 12: CSRF on route handlers. Server actions check Origin themselves;
// every route handler that changes something refuses a request another origin
// made, a page on another port of the same host included (same-site, the very
// attack that stored an annex with the clerk's cookie). The routes come from
// the source tree, so a new one is checked from the day it is added.

const BASE_URL = process.env.REGISTRE_E2E_MAIN_URL!;
const WRITE_METHODS: readonly HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"];
const REFUSAL = "Requête refusée : elle ne vient pas d'une page du registre.";
const FORGED_TITLE = "Annexe contrefaite (e2e)";

/** A concrete address for each route pattern that writes. */
function addressOf(pattern: string, draftId: string): string {
  return pattern.replace("[id]", draftId).replace("[...nextauth]", "signout");
}

async function draft(): Promise<{ id: string }> {
  const row = await queryOne<{ id: string }>(
    `SELECT d.id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  return row!;
}

async function forgedAnnexes(draftId: string): Promise<number> {
  return (await queryOne<{ count: number }>(`SELECT count(*)::int AS count FROM annex WHERE deliberation_id = $1 AND title = $2`, [draftId, FORGED_TITLE]))!.count;
}

test("[csrf]: every route handler that writes refuses another origin, another port of the host and an opaque origin; its own origin gets through", async ({ playwright }) => {
  const writing = routeHandlers().flatMap((route) => route.methods.filter((method) => WRITE_METHODS.includes(method)).map((method) => ({ ...route, method })));
  expect(writing.map((route) => `${route.method} ${route.pattern}`).sort(), "the route handlers that write (a new one is checked here too)").toEqual([
    "POST /admin/deliberations/[id]/annexes",
    "POST /admin/import/proces-verbal",
    "POST /admin/import/televersement",
    "POST /api/auth/[...nextauth]",
  ]);
  const account = await createTestAccount("CLERK", "csrf");
  const clerk = await playwright.request.newContext({ baseURL: BASE_URL });
  await signInRequest(clerk, account);
  const { id } = await draft();
  const self = new URL(BASE_URL);
  const otherPort = `${self.protocol}//${self.hostname}:${Number(self.port) + 1}`;
  const forged: Record<string, Record<string, string>> = {
    "another port of the host": { origin: otherPort, "sec-fetch-site": "same-site" },
    "another site": { origin: "https://attaquant.example", "sec-fetch-site": "cross-site" },
    "another site, Sec-Fetch-Site only": { "sec-fetch-site": "cross-site" },
    "an opaque origin": { origin: "null" },
    "a same-site fetch with the right Origin": { origin: self.origin, "sec-fetch-site": "same-site" },
  };
  for (const route of writing) {
    const path = addressOf(route.pattern, id);
    for (const [what, headers] of Object.entries(forged)) {
      const response = await clerk.fetch(path, { method: route.method, headers, multipart: { title: FORGED_TITLE, isPublic: "true" }, maxRedirects: 0 });
      expect.soft(response.status(), `${route.method} ${route.pattern} from ${what}: refused`).toBe(403);
      expect.soft(((await response.json()) as { message: string }).message, `${route.method} ${route.pattern} from ${what}: the refusal`).toContain(REFUSAL);
    }
    const own = await clerk.fetch(path, { method: route.method, headers: { origin: self.origin, "sec-fetch-site": "same-origin" }, multipart: { title: "", isPublic: "true" }, maxRedirects: 0 });
    expect.soft(own.status(), `${route.method} ${route.pattern} from the portal itself: not refused as cross-origin`).not.toBe(403);
  }
  expect(await forgedAnnexes(id)).toBe(0);
  // The session survived the forged sign-out.
  expect((await clerk.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
  await clerk.dispose();
});

test("[csrf]: a page on another port of the same host cannot store an annex with the clerk's cookie", async ({ page }) => {
  await signIn(page, await createTestAccount("CLERK", "csrf-page"));
  const { id } = await draft();
  const document = await PDFDocument.create();
  document.addPage();
  const pdf = Buffer.from(await document.save()).toString("base64");
  const target = `${BASE_URL}/admin/deliberations/${id}/annexes`;
  const attack = `<!doctype html><html lang="fr"><title>Page tierce</title><body><script>
    const bytes = Uint8Array.from(atob(${JSON.stringify(pdf)}), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.set("title", ${JSON.stringify(FORGED_TITLE)});
    form.set("isPublic", "true");
    form.set("file", new File([bytes], "piege.pdf", { type: "application/pdf" }));
    fetch(${JSON.stringify(target)}, { method: "POST", body: form, credentials: "include", mode: "no-cors" })
      .finally(() => { document.title = "envoyé"; });
  </script></body></html>`;
  const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(attack));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const requests: Promise<Record<string, string>>[] = [];
    page.on("request", (request) => {
      if (request.url() === target) requests.push(request.allHeaders());
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle("envoyé");
    // The browser did send it (Playwright does not expose the headers of a no-cors request: the
    // server's answer to those headers is the test above); the portal stored nothing.
    expect((await Promise.all(requests)).length).toBe(1);
  } finally {
    server.close();
  }
  expect(await forgedAnnexes(id)).toBe(0);
});
