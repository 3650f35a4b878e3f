import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { adminPages, routeHandlers, sourceServerActions, type HttpMethod } from "../support/app-source";
import { builtServerActions, callServerAction, encodeReply, type BuiltAction } from "../support/server-actions";
import { DEMO_ACCOUNTS, signInRequest } from "../support/sign-in";

// Issue 3: roles are checked in every server action and route handler, not
// only in the back office's layout. Every action, page and route handler the
// source declares is called over HTTP without a session and with each role:
// the insufficient ones get the refusal, the others get past it, and nothing
// is written. The lists come from the file system and the served build, so a
// new action, page or route fails here until the tables below say who may use it.

type Role = "ADMIN" | "CLERK" | "STAFF";
type Caller = "anonymous" | Role;

const CALLERS: readonly Caller[] = ["anonymous", "STAFF", "CLERK", "ADMIN"];
const EVERYONE: readonly Role[] = ["ADMIN", "CLERK", "STAFF"];
const EDITORS: readonly Role[] = ["ADMIN", "CLERK"];
const ADMINS: readonly Role[] = ["ADMIN"];

// The exact wording of lib/auth/roles.ts's refusals.
const UNAUTHENTICATED = "Connectez-vous pour accéder à l'espace du greffe.";
const FORBIDDEN = "Votre rôle ne permet pas cette opération : demandez-la à un administrateur ou au greffe.";

/** Who may call the actions of each "use server" module: users and settings are the administrators', the council's records the editors'. */
const ACTION_ROLES: Record<string, readonly Role[]> = {
  "app/(admin)/admin/utilisateurs/actions.ts": ADMINS,
  "app/(admin)/admin/collectivite/actions.ts": ADMINS,
  "app/(admin)/admin/seances/actions.ts": EDITORS,
  "app/(admin)/admin/elus/actions.ts": EDITORS,
  "app/(admin)/admin/groupes/actions.ts": EDITORS,
  "app/(admin)/admin/deliberations/actions.ts": EDITORS,
  "app/(admin)/admin/seances/[id]/proces-verbal/actions.ts": EDITORS,
  "app/(admin)/admin/import/actions.ts": EDITORS,
};

type Fixtures = {
  draft: { id: string; number: string; sittingId: string };
  councillor: { id: string; lastName: string };
  siren: string;
  accounts: Record<Role, { id: string; email: string; name: string }>;
};

type PageAccess = {
  path: (fixtures: Fixtures) => string;
  /** Who may open the page; anyone else is refused. */
  readers: readonly Role[];
  /** What only its readers see: present for them, absent from refusals and redirects. */
  content: (fixtures: Fixtures) => string[];
  /** On a page STAFF may read: the write controls only editors see. */
  editorContent?: string[];
};

const PAGES: Record<string, PageAccess> = {
  "/admin": { path: () => "/admin", readers: EVERYONE, content: () => ["Bonjour"], editorContent: ["créer une séance"] },
  "/admin/certificat": { path: () => "/admin/certificat", readers: ADMINS, content: () => ["Certificat du signataire", "Empreinte SHA-256"] },
  "/admin/collectivite": { path: () => "/admin/collectivite", readers: ADMINS, content: (f) => ["Coordonnées et mentions", f.siren] },
  "/admin/deliberations/[id]": {
    path: (f) => `/admin/deliberations/${f.draft.id}`,
    readers: EVERYONE,
    content: (f) => [`Délibération ${f.draft.number}`],
    editorContent: ["Enregistrer le contenu", "Ajouter l'annexe"],
  },
  "/admin/elus": { path: () => "/admin/elus", readers: EVERYONE, content: () => ["Élus de la collectivité"], editorContent: ["Ajouter un élu"] },
  "/admin/elus/[id]": {
    path: (f) => `/admin/elus/${f.councillor.id}`,
    readers: EVERYONE,
    content: (f) => [f.councillor.lastName.toLocaleUpperCase("fr-FR")],
    editorContent: ["Enregistrer les modifications"],
  },
  "/admin/elus/nouveau": { path: () => "/admin/elus/nouveau", readers: EDITORS, content: () => ["Enregistrer l'élu"] },
  "/admin/import": { path: () => "/admin/import", readers: EDITORS, content: () => ["sans ressaisie", "Imports enregistrés"] },
  "/admin/groupes": { path: () => "/admin/groupes", readers: EDITORS, content: () => ["Créer un groupe"] },
  "/admin/journal": { path: () => "/admin/journal", readers: ADMINS, content: () => ["chaînée à la précédente", "Compte créé"] },
  "/admin/seances": { path: () => "/admin/seances", readers: EVERYONE, content: () => ["Séances du conseil municipal"], editorContent: ["Nouvelle séance"] },
  "/admin/seances/[id]": {
    path: (f) => `/admin/seances/${f.draft.sittingId}`,
    readers: EVERYONE,
    content: (f) => [f.draft.number],
    editorContent: ["Ajouter une délibération"],
  },
  "/admin/seances/[id]/appel": { path: (f) => `/admin/seances/${f.draft.sittingId}/appel`, readers: EDITORS, content: () => ["Un seul appel pour toute la séance"] },
  "/admin/seances/[id]/deliberations/nouvelle": {
    path: (f) => `/admin/seances/${f.draft.sittingId}/deliberations/nouvelle`,
    readers: EDITORS,
    content: () => ["Enregistrer le projet"],
  },
  "/admin/seances/[id]/proces-verbal": {
    path: (f) => `/admin/seances/${f.draft.sittingId}/proces-verbal`,
    readers: EVERYONE,
    content: () => ["Ce que les enregistrements de la séance établissent"],
  },
  "/admin/seances/nouvelle": { path: () => "/admin/seances/nouvelle", readers: EDITORS, content: () => ["Créer la séance"] },
  "/admin/utilisateurs": { path: () => "/admin/utilisateurs", readers: ADMINS, content: () => [DEMO_ACCOUNTS.admin.email, "Créer le compte"] },
  "/admin/utilisateurs/[id]": { path: (f) => `/admin/utilisateurs/${f.accounts.STAFF.id}`, readers: ADMINS, content: (f) => [f.accounts.STAFF.email] },
};

type RouteAccess =
  /** Back office: who may use each exported method. */
  | { kind: "back-office"; path: (fixtures: Fixtures) => string; methods: Partial<Record<HttpMethod, readonly Role[]>> }
  /** Public and read-only; `draftPath` addresses the unpublished draft, which must not be found. */
  | { kind: "public"; path: (fixtures: Fixtures) => string; draftPath?: (fixtures: Fixtures) => string }
  /** next-auth's own endpoints (its POST is the sign-in). */
  | { kind: "sign-in" };

const ROUTES: Record<string, RouteAccess> = {
  "/admin/deliberations/[id]/annexes": { kind: "back-office", path: () => `/admin/deliberations/${randomUUID()}/annexes`, methods: { POST: EDITORS } },
  // The archive's upload and the reviewed minutes' import: the editors'; the test's bodies are refused as input, nothing is written.
  "/admin/import/televersement": { kind: "back-office", path: () => "/admin/import/televersement", methods: { POST: EDITORS } },
  "/admin/import/proces-verbal": { kind: "back-office", path: () => "/admin/import/proces-verbal", methods: { POST: EDITORS } },
  // Any back-office role downloads an unpublished act as a working document; nobody else.
  "/api/extracts/deliberations/[id]": { kind: "back-office", path: (f) => `/api/extracts/deliberations/${f.draft.id}`, methods: { GET: EVERYONE } },
  // The sitting's signed convocation, as sent: any back-office role (404 when none was sent); nobody else.
  "/admin/seances/[id]/convocation.pdf": { kind: "back-office", path: (f) => `/admin/seances/${f.draft.sittingId}/convocation.pdf`, methods: { GET: EVERYONE } },
  "/api/auth/[...nextauth]": { kind: "sign-in" },
  "/deliberations/[number]/extrait.pdf": {
    kind: "public",
    path: () => "/deliberations/DL.2022-91/extrait.pdf",
    draftPath: (f) => `/deliberations/${encodeURIComponent(f.draft.number)}/extrait.pdf`,
  },
  "/deliberations/[number]/annexes/[annexId]": { kind: "public", path: () => `/deliberations/DL.2022-91/annexes/${randomUUID()}` },
  "/seances/[date]/liste-des-deliberations.pdf": { kind: "public", path: () => "/seances/2022-04-07/liste-des-deliberations.pdf" },
  "/seances/[date]/proces-verbal.pdf": { kind: "public", path: () => "/seances/2018-02-22/proces-verbal.pdf" },
  "/seances/[date]/feuillet-de-cloture.pdf": { kind: "public", path: () => "/seances/2022-04-07/feuillet-de-cloture.pdf" },
  "/seances/[date]/seance.ics": { kind: "public", path: () => "/seances/2020-02-06/seance.ics" },
  "/seances/[date]/convocation.pdf": { kind: "public", path: () => "/seances/2020-02-06/convocation.pdf" },
  "/registre/[year]/table-chronologique.pdf": { kind: "public", path: () => "/registre/2022/table-chronologique.pdf" },
  "/registre/[year]/table-par-matiere.pdf": { kind: "public", path: () => "/registre/2022/table-par-matiere.pdf" },
  "/donnees/scdl/[file]": { kind: "public", path: () => "/donnees/scdl/deliberations.csv" },
  "/donnees/tableur/[file]": { kind: "public", path: () => "/donnees/tableur/deliberations.csv" },
  "/api/v1/councillors": { kind: "public", path: () => "/api/v1/councillors" },
  "/api/v1/councillors/[id]": { kind: "public", path: (f) => `/api/v1/councillors/${f.councillor.id}` },
  "/api/v1/deliberations": { kind: "public", path: () => "/api/v1/deliberations" },
  "/api/v1/deliberations/[number]": {
    kind: "public",
    path: () => "/api/v1/deliberations/DL.2022-91",
    draftPath: (f) => `/api/v1/deliberations/${encodeURIComponent(f.draft.number)}`,
  },
  "/api/v1/municipality": { kind: "public", path: () => "/api/v1/municipality" },
  "/api/v1/openapi.json": { kind: "public", path: () => "/api/v1/openapi.json" },
  "/api/v1/sittings": { kind: "public", path: () => "/api/v1/sittings" },
  "/api/v1/sittings/[id]": { kind: "public", path: (f) => `/api/v1/sittings/${f.draft.sittingId}` },
  "/flux/publications.atom": { kind: "public", path: () => "/flux/publications.atom" },
  "/flux/seances.ics": { kind: "public", path: () => "/flux/seances.ics" },
  "/flux/journal.json": { kind: "public", path: () => "/flux/journal.json" },
  "/verifier/journal/[file]": { kind: "public", path: () => "/verifier/journal/point-de-controle-1.json" },
  "/flux/recherche.atom": { kind: "public", path: () => "/flux/recherche.atom?q=budget" },
  "/sitemap.xml": { kind: "public", path: () => "/sitemap.xml" },
  "/sitemaps/[file]": { kind: "public", path: () => "/sitemaps/pages.xml" },
};

const WRITE_METHODS: readonly HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"];
const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

/** Runs `work` over `items`, `width` at a time (the machine has two cores, shared with the rest of the suite). */
async function inBatches<Item, Result>(items: readonly Item[], width: number, work: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(work))));
  return results;
}

/** The page's text as a reader would search it: React's text separators dropped, HTML entities decoded (the RSC payload beside it is plain). */
async function pageText(response: APIResponse): Promise<string> {
  const html = await response.text();
  return html.replace(/<!-- -->/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The served build's id and a page to post it from, for each action of the source (the static page first: nothing to resolve). */
function exercisedActions(): (BuiltAction & { args: () => unknown[]; allowed: readonly Role[] })[] {
  const built = builtServerActions();
  return sourceServerActions().map((action) => {
    const match = built.find((candidate) => candidate.file === action.file && candidate.name === action.name);
    if (!match) throw new Error(`${action.name} (${action.file}) has no id in the served build`);
    const allowed = ACTION_ROLES[action.file];
    if (!allowed) throw new Error(`${action.file} has no role rule in ACTION_ROLES`);
    return {
      ...match,
      pages: [...match.pages].sort((a, b) => a.split("[").length - b.split("[").length),
      allowed,
      // Authorization comes before validation: placeholders reach the refusal (an id is a string, anything else an object).
      args: () => action.parameters.map((parameter) => (parameter.type === "string" ? randomUUID() : {})),
    };
  });
}

function pagePathFor(pattern: string): string {
  return pattern.replace(/\[[^\]]+\]/g, () => randomUUID());
}

test.describe.configure({ mode: "serial" });

let baseURL: string;
let fixtures: Fixtures;
const sessions = {} as Record<Caller, APIRequestContext>;

test.beforeAll(async ({ playwright }, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  const draft = await queryOne<{ id: string; number: string; sitting_id: string }>(
    `SELECT d.id, d.number, d.sitting_id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
     WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY],
  );
  const councillor = await queryOne<{ id: string; last_name: string }>(
    `SELECT c.id, c.last_name FROM councillor c JOIN municipality m ON m.id = c.municipality_id WHERE m.slug = $1 ORDER BY c.last_name, c.id LIMIT 1`,
    [MUNICIPALITY],
  );
  const municipality = await queryOne<{ siren: string }>(`SELECT siren FROM municipality WHERE slug = $1`, [MUNICIPALITY]);
  expect({ draft: draft !== null, councillor: councillor !== null, municipality: municipality !== null }, "the e2e database holds a draft, a councillor and the municipality").toEqual({
    draft: true,
    councillor: true,
    municipality: true,
  });

  for (const caller of CALLERS) sessions[caller] = await playwright.request.newContext({ baseURL });
  // Accounts of this test's own, created by the demo administrator through the real action (which shows
  // that an authorized call over this HTTP path succeeds), so that the audit check below can name them.
  const demoAdmin = await playwright.request.newContext({ baseURL });
  await signInRequest(demoAdmin, DEMO_ACCOUNTS.admin);
  const createUser = exercisedActions().find((action) => action.name === "createUserAction")!;
  const run = randomUUID().slice(0, 8);
  const accounts = {} as Fixtures["accounts"];
  for (const role of EVERYONE) {
    const account = { email: `authz-${role.toLowerCase()}-${run}@e2e.registre.test`, name: `Contrôle des droits ${role} ${run}`, password: `authz-${randomUUID()}` };
    const answer = await callServerAction(demoAdmin, {
      baseURL,
      pagePath: createUser.pages[0]!,
      actionId: createUser.id,
      args: [{ email: account.email, name: account.name, role, password: account.password }],
    });
    expect(answer.result, `the demo administrator creates the ${role} account`).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    accounts[role] = { id: (answer.result as { data: { id: string } }).data.id, email: account.email, name: account.name };
    await signInRequest(sessions[role], account);
  }
  await demoAdmin.dispose();
  fixtures = {
    draft: { id: draft!.id, number: draft!.number, sittingId: draft!.sitting_id },
    councillor: { id: councillor!.id, lastName: councillor!.last_name },
    siren: municipality!.siren,
    accounts,
  };
});

test.afterAll(async () => {
  for (const session of Object.values(sessions)) await session.dispose();
});

test("[authz]: every server action of the source has an id in the served build, and the build has no other", () => {
  const source = sourceServerActions().map((action) => `${action.file} ${action.name}`);
  const built = builtServerActions().map((action) => `${action.file} ${action.name}`);
  expect(source.length, "the source declares server actions").toBeGreaterThan(0);
  expect(built.sort(), "the build's actions are the source's").toEqual(source.sort());
  for (const action of exercisedActions()) expect(action.pages.length, `${action.name} is imported by a page`).toBeGreaterThan(0);
});

test("[authz]: the browser calls a server action as these tests do (POST to its page, Next-Action id, encodeReply text)", async ({ page }) => {
  const updateUser = exercisedActions().find((action) => action.name === "updateUserAction")!;
  const target = fixtures.accounts.STAFF;
  await page.context().addCookies((await sessions.ADMIN.storageState()).cookies);
  const path = `/admin/utilisateurs/${target.id}`;
  // The submission is captured, then aborted: nothing reaches the server.
  await page.route(
    (url) => url.pathname === path,
    (route) => (route.request().method() === "POST" ? route.abort() : route.continue()),
  );
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.name);
  const submitted = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === path);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const request = await submitted;
  const headers = await request.allHeaders();
  expect(headers["next-action"], "the id is the manifest's for updateUserAction").toBe(updateUser.id);
  expect(headers["accept"]).toBe("text/x-component");
  expect(headers["content-type"]).toBe("text/plain;charset=UTF-8");
  const body = request.postData() ?? "";
  const args = JSON.parse(body) as unknown[];
  // updateUserAction.bind(null, id): the bound id comes first, then the form's values.
  expect(args).toEqual([target.id, expect.objectContaining({ name: target.name, role: "STAFF", disabled: false })]);
  expect(encodeReply(args), "these tests encode the arguments byte for byte as the browser does").toBe(body);
});

test("[authz]: every server action refuses an anonymous caller and each insufficient role, lets the others past, and writes nothing", async () => {
  const actions = exercisedActions();
  const ownAccounts = Object.values(fixtures.accounts).map((account) => account.id);
  const mark = await queryOne<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_event`);
  const calls = actions.flatMap((action) => CALLERS.map((caller) => ({ action, caller })));
  const answers = await inBatches(calls, 6, async ({ action, caller }) => ({
    action,
    caller,
    answer: await callServerAction(sessions[caller], { baseURL, pagePath: pagePathFor(action.pages[0]!), actionId: action.id, args: action.args() }),
  }));

  for (const { action, caller, answer } of answers) {
    const what = `${action.name} as ${caller}`;
    expect.soft(answer.status, `${what}: HTTP status`).toBe(200);
    if (caller === "anonymous") {
      expect.soft(answer.result, `${what}: refused`).toEqual({ ok: false, code: "UNAUTHENTICATED", message: UNAUTHENTICATED });
    } else if (!action.allowed.includes(caller)) {
      expect.soft(answer.result, `${what}: refused`).toEqual({ ok: false, code: "FORBIDDEN", message: FORBIDDEN });
    } else {
      // Past the role check, the placeholders stop at validation or lookup (an answer about the input, not a crash).
      expect.soft(answer.result, `${what}: not written`).toMatchObject({ ok: false, message: expect.any(String) });
      const { message } = answer.result as { message?: string };
      expect.soft([UNAUTHENTICATED, FORBIDDEN], `${what}: not refused`).not.toContain(message);
      expect.soft(String(message), `${what}: an answer about the input`).not.toMatch(/erreur inattendue/);
    }
  }
  const exercised = new Set(answers.map(({ action, caller }) => `${action.name} ${caller}`));
  for (const action of sourceServerActions()) {
    for (const caller of CALLERS) expect(exercised.has(`${action.name} ${caller}`), `${action.name} called as ${caller}`).toBe(true);
  }

  // Every use case audits its write with the actor's id (createUser with no actor writes a null one). The
  // suite's other files write too, in parallel: so no row of this test's accounts at all, and no
  // anonymous row since the calls began but the public extracts issued by other tests.
  const leaked = await queryOne<{ rows: unknown[] }>(
    `SELECT coalesce(json_agg(json_build_object('id', id, 'action', action, 'entity', entity, 'userId', user_id)), '[]') AS rows FROM audit_event
     WHERE user_id = ANY($1::uuid[]) OR (id > $2::bigint AND user_id IS NULL AND action <> 'extract.issue')`,
    [ownAccounts, mark!.id],
  );
  expect(leaked!.rows, "audit rows written by refused or placeholder calls").toEqual([]);
});

test("[authz]: every back-office page sends an anonymous visitor to sign in, refuses insufficient roles, shows its readers their content", async () => {
  const pages = adminPages();
  expect(pages.map((page) => page.pattern).sort(), "every page of app/(admin)/admin has its row in PAGES").toEqual(Object.keys(PAGES).sort());
  const visits = pages.flatMap(({ pattern }) => CALLERS.map((caller) => ({ pattern, caller })));
  const answers = await inBatches(visits, 4, async ({ pattern, caller }) => {
    const response = await sessions[caller].get(PAGES[pattern]!.path(fixtures), { maxRedirects: 0 });
    return { pattern, caller, status: response.status(), location: response.headers()["location"] ?? "", text: await pageText(response) };
  });

  for (const { pattern, caller, status, location, text } of answers) {
    const access = PAGES[pattern]!;
    const what = `${pattern} as ${caller}`;
    const content = access.content(fixtures);
    const hidden = [...content, ...(access.editorContent ?? [])];
    if (caller === "anonymous") {
      expect.soft(status, `${what}: redirected`).toBe(307);
      expect.soft(new URL(location, baseURL).pathname, `${what}: to the sign-in page`).toBe("/connexion");
      for (const marker of hidden) expect.soft(text.includes(marker), `${what}: nothing of the page ("${marker}")`).toBe(false);
    } else if (!access.readers.includes(caller)) {
      expect.soft(text.includes(FORBIDDEN), `${what}: the refusal`).toBe(true);
      for (const marker of hidden) expect.soft(text.includes(marker), `${what}: nothing of the page ("${marker}")`).toBe(false);
    } else {
      expect.soft(status, `${what}: shown`).toBe(200);
      expect.soft(text.includes(FORBIDDEN), `${what}: no refusal`).toBe(false);
      for (const marker of content) expect.soft(text.includes(marker), `${what}: its content ("${marker}")`).toBe(true);
      for (const marker of access.editorContent ?? []) {
        expect.soft(text.includes(marker), `${what}: the editor's controls ("${marker}") only for editors`).toBe(EDITORS.includes(caller));
      }
    }
  }
});

test("[authz]: route handlers: back-office ones refuse without a session and to insufficient roles; public ones refuse every write", async () => {
  const routes = routeHandlers();
  expect(routes.map((route) => route.pattern).sort(), "every route.ts of app/ has its row in ROUTES").toEqual(Object.keys(ROUTES).sort());
  const checks: { what: string; run: () => Promise<void> }[] = [];
  const send = (caller: Caller, method: HttpMethod, path: string) =>
    sessions[caller].fetch(path, { method, maxRedirects: 0, ...(method === "POST" ? { multipart: { title: "Contrôle des droits", isPublic: "true" } } : {}) });

  for (const route of routes) {
    const access = ROUTES[route.pattern]!;
    if (access.kind === "sign-in") continue;
    const path = access.path(fixtures);
    // A method the module does not export is refused by Next itself, whoever asks.
    for (const method of WRITE_METHODS.filter((method) => !route.methods.includes(method))) {
      checks.push({
        what: `${method} ${route.pattern}`,
        run: async () => expect.soft((await send("anonymous", method, path)).status(), `${method} ${route.pattern}: not allowed`).toBe(405),
      });
    }
    if (access.kind === "public") {
      expect.soft(route.methods.filter((method) => WRITE_METHODS.includes(method)), `${route.file} exports no write method`).toEqual([]);
      const draftPath = access.draftPath;
      if (draftPath) {
        checks.push({
          what: `GET ${route.pattern} (draft)`,
          run: async () => expect.soft((await send("anonymous", "GET", draftPath(fixtures))).status(), `${route.pattern}: the draft is not public`).toBe(404),
        });
      }
      continue;
    }
    expect.soft(route.methods.filter((method) => method !== "HEAD" && method !== "OPTIONS").sort(), `${route.file}: its methods have their roles`).toEqual(Object.keys(access.methods).sort());
    for (const [method, allowed] of Object.entries(access.methods) as [HttpMethod, readonly Role[]][]) {
      for (const caller of CALLERS) {
        const what = `${method} ${route.pattern} as ${caller}`;
        checks.push({
          what,
          run: async () => {
            const response = await send(caller, method, path);
            const body = (await response.body()).toString("utf8");
            if (caller === "anonymous" || !allowed.includes(caller)) {
              expect.soft(response.status(), `${what}: refused`).toBe(caller === "anonymous" ? 401 : 403);
              expect.soft(body.includes(caller === "anonymous" ? UNAUTHENTICATED : FORBIDDEN), `${what}: the refusal`).toBe(true);
              expect.soft(body.startsWith("%PDF"), `${what}: no document`).toBe(false);
            } else {
              expect.soft([401, 403], `${what}: not refused`).not.toContain(response.status());
              expect.soft(body.includes(FORBIDDEN), `${what}: not refused`).toBe(false);
            }
          },
        });
      }
    }
  }
  await inBatches(checks, 6, (check) => check.run());
  expect(checks.length, "route checks ran").toBeGreaterThan(routes.length);
});

test("[authz]: the working document of an unpublished act is the back office's: a signed-in agent downloads it", async () => {
  const response = await sessions.STAFF.get(`/api/extracts/deliberations/${fixtures.draft.id}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
