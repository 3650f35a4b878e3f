import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds live side by side (parallel work on one machine).
  distDir: process.env.REGISTRE_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Next's own cache, whose tag invalidations every web instance of the database learns through PostgreSQL.
  cacheHandler: path.resolve(process.cwd(), "lib/cache/tag-cache-handler.mjs"),
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
