import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLinks } from "@/components/layout/skip-links";
import { getCurrentMunicipality, type CurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import "./globals.css";

// Pages read the register at request time (each page says how: dynamic, or
// rendered on first request and cached). The header and footer must render even
// when the database cannot answer, so that the error page shows inside the site.
async function loadMunicipality(): Promise<CurrentMunicipality | null> {
  // The build prerenders only the generic 404 page, without a database.
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  try {
    return await getCurrentMunicipality();
  } catch (error) {
    console.error(error);
    return null;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const municipality = await loadMunicipality();
  const site = municipality ? `Registre des délibérations · ${municipality.name}` : "Registre des délibérations";
  return {
    title: { template: `%s · ${site}`, default: site },
    description: municipality
      ? `Les délibérations du conseil municipal de ${municipality.communeName}, publiées en ligne.`
      : "Les délibérations du conseil municipal, publiées en ligne.",
    applicationName: "Registre",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#000091" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const municipality = await loadMunicipality();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col antialiased">
        <SkipLinks />
        <SiteHeader municipalityName={municipality?.name ?? null} />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
          {children}
        </main>
        <SiteFooter municipality={municipality} />
      </body>
    </html>
  );
}
