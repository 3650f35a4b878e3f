import { describeMembershipDays, type Membership } from "@/lib/domain/political-groups";

/** A councillor's political groups, as terms of their page's description list. */
export function CouncillorGroups({ memberships }: { memberships: readonly Membership[] }) {
  if (!memberships.length) return null;
  return (
    <>
      <dt className="font-semibold">{memberships.length > 1 ? "Groupes politiques" : "Groupe politique"}</dt>
      <dd data-testid="political-groups">
        {memberships.map((membership) => (
          <span key={`${membership.groupId}-${membership.startsOn}`} className="block">
            {membership.groupName} ({describeMembershipDays(membership)})
          </span>
        ))}
      </dd>
    </>
  );
}
