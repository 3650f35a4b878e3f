import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The security headers, and proof that the pages still work under them: the
// browser reports no Content-Security-Policy violation, and pages hydrate.

const PUBLIC_PAGES = ["/", "/seances", "/seances/2022-04-07", "/deliberations", "/deliberations/DL.2022-91", "/recherche?q=subvention", "/elus", "/statistiques", "/donnees", "/verifier", "/accessibilite", "/connexion"];

/** Collects the page's CSP violations as the browser reports them. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    // The header itself too: a feature the browser does not know is reported on every page.
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test("[headers]: public answers carry a strict policy without nonce, and the other security headers", async ({ request }) => {
  for (const url of ["/", "/deliberations/DL.2022-91", "/deliberations/DL.2022-91/extrait.pdf", "/api/v1/municipality", "/flux/publications.atom"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(policy, `${url}: ${directive}`).toContain(directive);
    }
    // Next's inline page data needs it on cached pages (no nonce possible there); nothing else does.
    expect(policy.match(/'unsafe-inline'/g), url).toHaveLength(1);
    expect(policy, url).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    expect(policy, url).not.toMatch(/unsafe-eval|nonce-/);
    expect(headers["cross-origin-opener-policy"], url).toBe("same-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["strict-transport-security"], `${url} over http`).toBeUndefined();
  }
});

test("[headers]: behind a TLS proxy, answers tell the browser to stay on https", async ({ request }) => {
  const response = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("[headers]: a cached public page keeps being served from the cache under its policy", async ({ request }) => {
  await request.get("/deliberations/DL.2022-91");
  const again = await request.get("/deliberations/DL.2022-91");
  expect(again.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
});

for (const url of PUBLIC_PAGES) {
  test(`[headers]: ${url} runs under its policy without a single violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
}

test("[headers]: the search form works under the policy (the page is hydrated)", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/recherche");
  await page.getByRole("searchbox").first().fill("subvention");
  await page.getByRole("searchbox").first().press("Enter");
  await expect(page).toHaveURL(/q=subvention/);
  expect(violations).toEqual([]);
});

test("[headers]: public scripts are pinned by their hash (subresource integrity)", async ({ request }) => {
  const html = await (await request.get("/deliberations/DL.2022-91")).text();
  const external = [...html.matchAll(/<script[^>]*\ssrc="[^"]+"[^>]*>/g)].map((match) => match[0]);
  expect(external.length).toBeGreaterThan(0);
  // Next pins the chunks of its build manifest; a chunk it loads outside the manifest has no hash.
  expect(external.filter((tag) => /integrity="sha256-[A-Za-z0-9+/=]+"/.test(tag)).length).toBeGreaterThan(0);
});

test("[headers]: the back office gets a fresh nonce per request, and its pages run without violation", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const violations = await watchViolations(page);
  const first = await page.goto("/admin/seances");
  const second = await page.goto("/admin/seances");
  const policies = [first, second].map((response) => response?.headers()["content-security-policy"] ?? "");
  for (const policy of policies) expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policies[0]).not.toBe(policies[1]);
  await page.goto("/admin");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("[headers]: signing in, which checks the form in the browser, runs under the policy without violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/connexion");
  // An invalid address first: the browser-side check (zod) runs before anything is sent.
  await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("x");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Le formulaire contient des erreurs : corrigez les champs signalés.")).toBeVisible();
  await page.getByLabel("Adresse électronique").fill(DEMO_ACCOUNTS.clerk.email);
  await page.getByLabel("Mot de passe").fill(DEMO_ACCOUNTS.clerk.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/admin/);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
