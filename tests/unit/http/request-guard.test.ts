import { describe, expect, it } from "vitest";
import { isSameOriginCallback } from "@/lib/http/callback-url";
import { guardRequest, MAX_URL_LENGTH, refusalPage } from "@/lib/http/request-guard";

describe("request guard", () => {
  it("[guard]: the portal's methods pass, TRACE and the rest get 405 with the allowed list", () => {
    for (const method of ["GET", "HEAD", "POST", "OPTIONS", "get"]) expect(guardRequest(method, "/")).toBeNull();
    for (const method of ["TRACE", "TRACK", "CONNECT", "PROPFIND", "DELETE", undefined]) {
      expect(guardRequest(method, "/")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST, OPTIONS" } });
    }
  });

  it("[guard]: a path segment that is not UTF-8 once decoded, or that hides a control character, gets 400", () => {
    expect(guardRequest("GET", "/elus/%FF")).toMatchObject({ status: 400, message: expect.stringContaining("mal encodés") });
    expect(guardRequest("GET", "/deliberations/%E9")).toMatchObject({ status: 400 });
    expect(guardRequest("GET", "/deliberations/a%00b")).toMatchObject({ status: 400, message: expect.stringContaining("contrôle") });
    expect(guardRequest("GET", "/deliberations/%C3%A9")).toBeNull();
    expect(guardRequest("GET", "/recherche?q=%FF")).toBeNull();
    expect(guardRequest("GET", "")).toMatchObject({ status: 400 });
  });

  it("[guard]: an absurdly long address gets 414", () => {
    expect(guardRequest("GET", `/${"x".repeat(MAX_URL_LENGTH)}`)).toMatchObject({ status: 414 });
  });

  it("[guard]: the refusal page is French, escaped and self-contained", () => {
    const html = refusalPage({ status: 400, message: "<b>é</b>" });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("&lt;b&gt;é&lt;/b&gt;");
    expect(html).not.toContain("<script");
  });

  it("[callback]: only the portal's own addresses are followed after signing in or out", () => {
    const origin = "https://deliberations.example.fr";
    expect(isSameOriginCallback("/admin", origin)).toBe(true);
    expect(isSameOriginCallback("https://deliberations.example.fr/admin?x=1", origin)).toBe(true);
    expect(isSameOriginCallback("//evil.example", origin)).toBe(false);
    expect(isSameOriginCallback("/\\evil.example", origin)).toBe(false);
    expect(isSameOriginCallback("https://evil.example/admin", origin)).toBe(false);
    expect(isSameOriginCallback("javascript:alert(1)", origin)).toBe(false);
    expect(isSameOriginCallback("%", origin)).toBe(false);
    expect(isSameOriginCallback("/admin/%E0%A4%A", origin)).toBe(false);
    expect(isSameOriginCallback("/admin\u0000", origin)).toBe(false);
  });
});
