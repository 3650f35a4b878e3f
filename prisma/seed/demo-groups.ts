import type { Tx } from "@/lib/db/prisma";
import { checkMembership } from "@/lib/domain/political-groups";
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

/** Writes the demo groups and their memberships (each checked by the domain's rule), flagged isDemo; returns how many memberships. */
export async function seedDemoGroups(tx: Tx, municipalityId: string, idOf: (name: DemoCouncillorName) => string): Promise<number> {
  let count = 0;
  for (const group of DEMO_GROUPS) {
    const { id: groupId } = await tx.politicalGroup.create({ data: { municipalityId, name: group.name, isDemo: true }, select: { id: true } });
    for (const name of group.members) {
      const membership = { startsOn: DEMO_MANDATE.start, endsOn: null };
      const issues = checkMembership({ membership, name, mandate: DEMO_MANDATE, others: [] });
      const [problem] = Object.values(issues).flat();
      if (problem) throw new Error(`Groupe de démonstration « ${group.name} » : ${problem}`);
      await tx.groupMembership.create({ data: { municipalityId, groupId, councillorId: idOf(name), startsOn: new Date(`${DEMO_MANDATE.start}T00:00:00Z`), endsOn: null } });
      count += 1;
    }
  }
  return count;
}
