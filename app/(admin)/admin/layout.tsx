import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { BACK_OFFICE_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The back office: only a signed-in ADMIN, CLERK or STAFF enters. Each page,
// action and route checks the finer role again where it reads or writes.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  if (!BACK_OFFICE_ROLES.includes(user.role)) redirect("/connexion");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 rounded border border-line bg-surface px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <AdminNav role={user.role} />
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.name} · {ROLE_LABELS[user.role]}
          </span>
          <SignOutButton />
        </div>
      </div>
      <div>{children}</div>
    </div>
  );
}
