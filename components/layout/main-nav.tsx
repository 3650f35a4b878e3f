"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Accueil" },
  { href: "/seances", label: "Séances" },
  { href: "/deliberations", label: "Délibérations" },
  { href: "/registre", label: "Registre" },
  { href: "/recherche", label: "Recherche" },
  { href: "/elus", label: "Élus" },
  { href: "/statistiques", label: "Statistiques" },
  { href: "/donnees", label: "Données ouvertes" },
] as const;

function currentness(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Menu principal" className="no-print border-t border-line">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 px-4 sm:px-6">
        {LINKS.map(({ href, label }) => {
          const current = currentness(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current}
                className={`inline-block border-b-4 px-3 py-3 font-medium no-underline hover:bg-surface ${
                  current ? "border-brand text-brand" : "border-transparent text-ink"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
