import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const site = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  return {
    // Search result pages are endless combinations of the same acts: the acts themselves are in the sitemap.
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/auth", "/recherche?", "/flux/recherche.atom"] }],
    sitemap: `${site}/sitemap.xml`,
  };
}
