import { describe, expect, it } from "vitest";
import { referenceCouncillors, referenceDeliberation, referenceMunicipality, referenceSitting } from "@/prisma/seed/reference-case";
import { deliberationProblems } from "@/prisma/seed/seed-rules";
import { councillorName } from "@/prisma/seed/types";
import { NATIONAL_WINDOWS } from "../domain/national-windows";

// The seed's data is judged by lib/domain's rules with the municipality's
// windows as input: the reference case holds under the 2021–2022 window and
// would not under the ordinary rules.

const context = (windows: typeof NATIONAL_WINDOWS) => ({
  sittingStartsAt: referenceSitting.startsAt,
  membersInOffice: referenceMunicipality.membersInOffice,
  departmentCode: referenceMunicipality.departmentCode,
  siren: referenceMunicipality.siren,
  councillors: referenceCouncillors.map(councillorName),
  windows,
});

describe("seed rules", () => {
  it("[seed]: the reference case (7 April 2022, two holders with two proxies) has no problem under the national windows", () => {
    expect(deliberationProblems(referenceDeliberation, context(NATIONAL_WINDOWS))).toEqual([]);
  });

  it("[seed]: without a derogation window, the domain's own messages report both holders of two proxies", () => {
    const problems = deliberationProblems(referenceDeliberation, context([]));
    const proxyProblems = problems.filter((problem) => problem.includes("porte déjà 2 pouvoirs (maximum 1 à cette date)"));
    expect(proxyProblems).toHaveLength(2);
    expect(proxyProblems.every((problem) => problem.startsWith("DL.2022-91 : "))).toBe(true);
  });

  it("[seed]: a broken tally or receipt is reported with the domain's wording", () => {
    const vote = referenceDeliberation.vote!;
    const broken = { ...referenceDeliberation, vote: { ...vote, tally: { ...vote.tally, expressed: vote.tally.expressed - 1 } } };
    expect(deliberationProblems(broken, context(NATIONAL_WINDOWS))).toContain(
      `DL.2022-91 : Pour (${vote.tally.votesFor}) + contre (${vote.tally.votesAgainst}) ne font pas les suffrages exprimés (${vote.tally.expressed - 1}).`,
    );
    const receipt = referenceDeliberation.prefectureReceipt!;
    const elsewhere = { ...referenceDeliberation, prefectureReceipt: { ...receipt, actesId: receipt.actesId.replace(/^013-/, "084-") } };
    expect(deliberationProblems(elsewhere, context(NATIONAL_WINDOWS)).join("\n")).toContain("n'est pas celui de la collectivité (013)");
  });
});
