import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { createTestAccount } from "../support/accounts";
import { signInRequest } from "../support/sign-in";

// Issue 12, "Sessions and sign-in", over real HTTP against the served portal:
// signing out ends that session on the server (a saved copy of its cookie
// opens nothing, and is not renewed) while the account's other session goes
// on; the per-address count is the socket's address, not X-Forwarded-For; and
// failures delay only the account and address that made them.

const BASE_URL = process.env.REGISTRE_E2E_MAIN_URL!;

async function signOut(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(response.status()).toBe(200);
}

async function draftId(): Promise<string> {
  const row = await queryOne<{ id: string }>(
    `SELECT d.id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  return row!.id;
}

test("[sessions]: after sign-out, a saved cookie opens neither /admin nor a draft and is not renewed; the account's other session still works", async ({ playwright }) => {
  const account = await createTestAccount("CLERK", "sessions");
  const draft = await draftId();
  const first = await playwright.request.newContext({ baseURL: BASE_URL });
  const second = await playwright.request.newContext({ baseURL: BASE_URL });
  await signInRequest(first, account);
  await signInRequest(second, account);
  const saved = await first.storageState();

  expect((await first.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
  expect((await first.get(`/api/extracts/deliberations/${draft}`)).headers()["content-type"]).toBe("application/pdf");
  await signOut(first);
  const sessions = await queryOne<{ open: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS open, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS closed FROM auth_session WHERE user_id = $1`,
    [account.id],
  );
  expect(sessions).toEqual({ open: 1, closed: 1 });

  // The copy of the signed-out cookie, replayed.
  const replay = await playwright.request.newContext({ baseURL: BASE_URL, storageState: saved });
  const page = await replay.get("/admin", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(new URL(page.headers()["location"]!, BASE_URL).pathname).toBe("/connexion");
  expect(page.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session-token=ey"))).toEqual([]);
  const download = await replay.get(`/api/extracts/deliberations/${draft}`, { maxRedirects: 0 });
  expect(download.status()).toBe(401);
  expect((await download.body()).subarray(0, 5).toString("latin1")).not.toBe("%PDF-");

  // The other session of the same account.
  const other = await second.get("/admin", { maxRedirects: 0 });
  expect(other.status()).toBe(200);
  expect(other.headersArray().some((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("next-auth.session-token="))).toBe(true);
  expect((await second.get(`/api/extracts/deliberations/${draft}`)).headers()["content-type"]).toBe("application/pdf");
  await Promise.all([first.dispose(), second.dispose(), replay.dispose()]);
});

/** One sign-in over a socket bound to `localAddress` (127.0.0.1 and 127.0.0.2 are both this machine): the HTTP status. */
async function signInFrom(localAddress: string, credentials: { email: string; password: string }, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(BASE_URL);
  const call = (method: string, path: string, body: string | null, cookie: string) =>
    new Promise<{ status: number; body: string; cookies: string[] }>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          localAddress,
          method,
          path,
          headers: { ...headers, cookie, ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), cookies: response.headers["set-cookie"] ?? [] }));
        },
      );
      request.on("error", reject);
      request.end(body ?? undefined);
    });
  const csrf = await call("GET", "/api/auth/csrf", null, "");
  const cookie = csrf.cookies.map((value) => value.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, ...credentials, json: "true" });
  return (await call("POST", "/api/auth/callback/credentials", form.toString(), cookie)).status;
}

test("[sign-in]: X-Forwarded-For does not reset the count, and the delay slows only the address that failed", async () => {
  const account = await createTestAccount("STAFF", "delai");
  // Six failures, each claiming another address; and a forged copy of the front's own header.
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const status = await signInFrom("127.0.0.1", { email: account.email, password: `faux-${attempt}` }, {
      "x-forwarded-for": `203.0.113.${attempt}`,
      "x-registre-client-address": `198.51.100.${attempt}`,
    });
    expect(status).toBe(401);
  }
  const counted = await queryOne<{ addresses: string[] }>(`SELECT array_agg(DISTINCT address) AS addresses FROM login_attempt WHERE email = $1`, [account.email]);
  expect(counted?.addresses).toEqual(["127.0.0.1"]);
  // The right password, from the address that failed: delayed, the same refusal.
  expect(await signInFrom("127.0.0.1", { email: account.email, password: account.password }, { "x-forwarded-for": "192.0.2.77" })).toBe(401);
  // From another address: at once.
  expect(await signInFrom("127.0.0.2", { email: account.email, password: account.password })).toBe(200);
  const attempts = await queryOne<{ list: string[] }>(
    `SELECT array_agg(address || ' ' || succeeded ORDER BY id) AS list FROM login_attempt WHERE email = $1`,
    [account.email],
  );
  expect(attempts?.list).toEqual([...Array.from({ length: 7 }, () => "127.0.0.1 false"), "127.0.0.2 true"]);
});
