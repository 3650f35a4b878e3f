import type { Metadata } from "next";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { CreateUserForm } from "@/components/admin/user-forms";
import { listUsers } from "@/lib/auth/list-users";
import { ADMIN_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Comptes · Espace du greffe" };

export default async function UsersPage() {
  const actor = await getPageUser();
  if (!actor || !ADMIN_ROLES.includes(actor.role)) return <ForbiddenNotice title="Comptes" />;
  const users = await listUsers({ db: getPrisma(), actor });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Comptes</h1>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Comptes de l&apos;espace du greffe</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-3">Nom</th>
            <th scope="col" className="py-2 pr-3">Adresse</th>
            <th scope="col" className="py-2 pr-3">Rôle</th>
            <th scope="col" className="py-2 pr-3">État</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-line">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/utilisateurs/${user.id}`}>{user.name}</Link>
              </th>
              <td className="py-2 pr-3">{user.email}</td>
              <td className="py-2 pr-3">{ROLE_LABELS[user.role]}</td>
              <td className="py-2 pr-3">{user.disabled ? "Désactivé" : "Actif"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="nouveau-compte" className="flex flex-col gap-3">
        <h2 id="nouveau-compte" className="text-2xl font-bold">Nouveau compte</h2>
        <CreateUserForm submit={createUserAction} />
      </section>
    </div>
  );
}
