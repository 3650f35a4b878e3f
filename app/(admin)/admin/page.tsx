import type { Metadata } from "next";
import Link from "next/link";
import { getPageUser } from "@/lib/auth/session";
import { EDITOR_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Espace du greffe" };

export default async function AdminHomePage() {
  const user = await getPageUser();
  const canEdit = EDITOR_ROLES.includes(user.role);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Espace du greffe</h1>
      <p>Bonjour {user.name}.</p>
      <ul className="list-disc pl-6">
        <li>
          <Link href="/admin/seances">Les séances</Link> {canEdit ? ": créer une séance, faire l'appel, saisir les délibérations." : ": consulter les projets."}
        </li>
        <li>
          <Link href="/admin/elus">Les élus</Link> {canEdit ? ": ajouter un élu, corriger, terminer un mandat." : ": consulter la liste."}
        </li>
        {user.role === "ADMIN" ? (
          <li>
            <Link href="/admin/journal">Le journal d&apos;audit</Link> : toutes les écritures, chaînées.
          </li>
        ) : null}
      </ul>
    </div>
  );
}
