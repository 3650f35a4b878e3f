import type { Civility, CouncillorRole } from "@/lib/db/prisma";

/** What a page needs to name a councillor. */
export type CouncillorRef = {
  id: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  role: CouncillorRole;
  roleLabel: string | null;
};

export const councillorRefSelect = {
  id: true,
  civility: true,
  firstName: true,
  lastName: true,
  role: true,
  roleLabel: true,
} as const;

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/** Alphabetical by last name then first name, as the register lists members. */
export function compareCouncillors(a: CouncillorRef, b: CouncillorRef): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}
