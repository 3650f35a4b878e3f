import type { Admin } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { addGroupMembershipInTransaction } from "@/lib/groups/add-group-membership";
import { createPoliticalGroupInTransaction } from "@/lib/groups/create-political-group";
import { demoCouncillors, DEMO_MANDATE, type DemoCouncillorName } from "./demo-council";

// The fictional council's political groups, for the whole demo mandate: the
// majority (the mayor, the deputies, the delegated councillors and the first
// councillors of the table), then the two opposition groups, in the order
// demo-council.ts lists them.

const names = demoCouncillors.map((councillor) => `${councillor.firstName} ${councillor.lastName}` as DemoCouncillorName);

export const DEMO_GROUPS: readonly { name: string; members: readonly DemoCouncillorName[] }[] = [
  { name: "Ensemble pour la ville", members: names.slice(0, 44) },
  { name: "Agir pour demain", members: names.slice(44, 52) },
  { name: "Citoyens indépendants", members: names.slice(52) },
];

/** Writes the demo groups and their memberships through the groups' use-case cores (the domain checks each), flagged isDemo; returns how many memberships. */
export async function seedDemoGroups(tx: Tx, actor: Admin, idOf: (name: DemoCouncillorName) => string): Promise<number> {
  let count = 0;
  for (const group of DEMO_GROUPS) {
    const { id: groupId } = await createPoliticalGroupInTransaction(tx, actor, { name: group.name, isDemo: true });
    for (const name of group.members) {
      await addGroupMembershipInTransaction(tx, actor, { groupId, councillorId: idOf(name), startsOn: DEMO_MANDATE.start, endsOn: null });
      count += 1;
    }
  }
  return count;
}
