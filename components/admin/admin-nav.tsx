"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/roles";

const LINKS: readonly { href: string; label: string; roles: readonly Role[] }[] = [
  { href: "/admin", label: "Tableau de bord", roles: ["ADMIN", "CLERK", "STAFF"] },
  { href: "/admin/seances", label: "Séances", roles: ["ADMIN", "CLERK", "STAFF"] },
  { href: "/admin/elus", label: "Élus", roles: ["ADMIN", "CLERK", "STAFF"] },
  { href: "/admin/groupes", label: "Groupes", roles: ["ADMIN", "CLERK"] },
  { href: "/admin/import", label: "Import d'archives", roles: ["ADMIN", "CLERK"] },
  { href: "/admin/utilisateurs", label: "Comptes", roles: ["ADMIN"] },
  { href: "/admin/collectivite", label: "Collectivité", roles: ["ADMIN"] },
  { href: "/admin/journal", label: "Journal d'audit", roles: ["ADMIN"] },
  { href: "/admin/certificat", label: "Certificat de signature", roles: ["ADMIN"] },
];

export function AdminNav({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Menu de l'espace du greffe">
      <ul className="flex flex-wrap gap-2">
        {LINKS.filter((link) => link.roles.includes(role)).map((link) => {
          const current = pathname === link.href ? "page" : link.href !== "/admin" && pathname.startsWith(`${link.href}/`) ? "true" : undefined;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current}
                className={`inline-block rounded px-3 py-1 no-underline ${current ? "bg-brand text-white hover:text-white" : "text-brand hover:bg-brand-soft"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
