import type { Metadata } from "next";
import Link from "next/link";
import { getPageUser } from "@/lib/auth/session";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { DeadlineTable } from "@/components/admin/deadline-table";
import { getPrisma } from "@/lib/db/prisma";
import { listDeadlines } from "@/lib/deadlines/list-deadlines";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const metadata: Metadata = { title: "Espace du greffe" };

export default async function AdminHomePage() {
  const user = await getPageUser();
  const canEdit = EDITOR_ROLES.includes(user.role);
  const [{ today, rows }, { timeZone }] = await Promise.all([listDeadlines({ db: getPrisma(), actor: user }), getCurrentMunicipality()]);
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
      <section aria-labelledby="echeances" className="flex flex-col gap-3">
        <h2 id="echeances" className="text-2xl font-bold">Échéances</h2>
        <p>Ce que la loi impose autour des séances, avec sa date légale, de la plus urgente à la moins urgente.</p>
        <DeadlineTable rows={rows} today={today} timeZone={timeZone} />
      </section>
    </div>
  );
}
