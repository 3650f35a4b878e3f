import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { EndMembershipForm, GroupForm, MembershipForm } from "@/components/admin/group-forms";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { councillorOptions } from "@/lib/councillors/councillor-options";
import { getPrisma } from "@/lib/db/prisma";
import { countOf } from "@/lib/domain/plural";
import { describeMembershipDays } from "@/lib/domain/political-groups";
import { listPoliticalGroups } from "@/lib/groups/list-political-groups";
import { addGroupMembershipAction, createPoliticalGroupAction, endGroupMembershipAction } from "./actions";

export const metadata: Metadata = { title: "Groupes politiques · Espace du greffe" };

export default async function PoliticalGroupsPage() {
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Groupes politiques" />;
  const db = getPrisma();
  const [groups, councillors] = await Promise.all([listPoliticalGroups({ db, actor }), councillorOptions({ db, actor })]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Groupes politiques</h1>
        <p className="mt-1 text-muted">
          Chaque élu appartient à un groupe au plus à la fois, pendant son mandat. Au vote, un groupe entier peut voter d&apos;un seul geste.
        </p>
      </div>
      {groups.length ? (
        groups.map((group) => {
          const current = group.memberships.filter((membership) => membership.endsOn === null);
          return (
            <section key={group.id} aria-labelledby={`groupe-${group.id}`} className="flex flex-col gap-2">
              <h2 id={`groupe-${group.id}`} className="text-2xl font-bold">
                {group.name}
                {group.isDemo ? <span className="ml-2 text-sm font-normal text-muted">(fictif)</span> : null}
              </h2>
              <p>{countOf(current.length, "membre")} à ce jour.</p>
              <ul className="flex flex-col gap-2">
                {group.memberships.map((membership) => (
                  <li key={membership.id} className="border-b border-line pb-2">
                    {membership.name}, {describeMembershipDays(membership)}
                    {membership.endsOn === null ? <EndMembershipForm id={membership.id} name={membership.name} submit={endGroupMembershipAction.bind(null, membership.id)} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      ) : (
        <p>Aucun groupe n&apos;est encore enregistré.</p>
      )}
      <section aria-labelledby="nouveau-groupe" className="flex flex-col gap-3">
            <h2 id="nouveau-groupe" className="text-2xl font-bold">Créer un groupe</h2>
            <GroupForm submit={createPoliticalGroupAction} />
          </section>
          {groups.length ? (
            <section aria-labelledby="nouveau-membre" className="flex flex-col gap-3">
              <h2 id="nouveau-membre" className="text-2xl font-bold">Ajouter un élu à un groupe</h2>
              <MembershipForm groups={groups} councillors={councillors.map((option) => ({ id: option.value, name: option.label }))} submit={addGroupMembershipAction} />
            </section>
          ) : null}
    </div>
  );
}
