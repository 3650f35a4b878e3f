import path from "node:path";
import type { NextConfig } from "next";
import { PUBLIC_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Lets several builds live side by side (parallel work on one machine).
  distDir: process.env.REGISTRE_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Read from node_modules at run time, not bundled: pdfjs loads its worker and its font data by path.
  serverExternalPackages: ["pdfjs-dist"],
  // Next's own cache, whose tag invalidations every web instance of the database learns through PostgreSQL.
  cacheHandler: path.resolve(process.cwd(), "lib/cache/tag-cache-handler.mjs"),
  reactStrictMode: true,
  // The types are checked by `npm run typecheck`, first of `npm test`; the build need not check them again (40 s).
  typescript: { ignoreBuildErrors: true },
  // Hashes of Next's own scripts in their `integrity` attributes, so that cached
  // public pages can have a strict policy without a per-request nonce.
  // Turbopack's build cache speeds up the next build here, but a fresh clone (CI) has no next build to speed up.
  experimental: { sri: { algorithm: "sha256" }, turbopackFileSystemCacheForBuild: process.env.REGISTRE_BUILD_CACHE !== "0" },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        // The back office gets its policy, with a nonce, from proxy.ts; an annex its sandbox from its route.
        source: "/:path((?!admin(?:/|$))(?!deliberations/[^/]+/annexes/).*)",
        headers: [{ key: "Content-Security-Policy", value: PUBLIC_CONTENT_SECURITY_POLICY }],
      },
      {
        // Browsers ignore the header over http; behind a TLS proxy it tells them to stay on https.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
      },
    ];
  },
};

export default nextConfig;
