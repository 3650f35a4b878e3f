import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { EditUserForm } from "@/components/admin/user-forms";
import { listUsers } from "@/lib/auth/list-users";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Compte · Espace du greffe" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  if (!actor || !ADMIN_ROLES.includes(actor.role)) return <ForbiddenNotice title="Compte" />;
  const user = (await listUsers({ db: getPrisma(), actor })).find((candidate) => candidate.id === id);
  if (!user) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{user.name}</h1>
      <p>{user.email}</p>
      <EditUserForm initialValues={{ name: user.name, role: user.role, disabled: user.disabled, password: "" }} submit={updateUserAction.bind(null, user.id)} />
    </div>
  );
}
