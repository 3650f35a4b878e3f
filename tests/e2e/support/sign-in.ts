import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Signs in over HTTP, as the login form does, without driving the form: the
// session cookie lands in the page's browser context.
export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.status(), "next-auth's CSRF endpoint answers").toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
  });
  expect(response.status(), `sign-in of ${credentials.email} answers`).toBe(200);
  const cookies = await page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name.endsWith("next-auth.session-token")).length, `${credentials.email} is signed in`).toBe(1);
}

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@demo.registre.fr", password: "registre-demo" },
  clerk: { email: "greffe@demo.registre.fr", password: "registre-demo" },
  staff: { email: "agent@demo.registre.fr", password: "registre-demo" },
} as const;

/** The same sign-in for a bare API context (no browser): the session cookie lands in its cookie jar. */
export async function signInRequest(request: APIRequestContext, credentials: { email: string; password: string }): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status(), "next-auth's CSRF endpoint answers").toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
  });
  expect(response.status(), `sign-in of ${credentials.email} answers`).toBe(200);
  const { cookies } = await request.storageState();
  expect(cookies.filter((cookie) => cookie.name.endsWith("next-auth.session-token")).length, `${credentials.email} is signed in`).toBe(1);
}
