import { describe, expect, it } from "vitest";
import {
  canMoveMinutes,
  checkAdoptionVote,
  describeAdoptionVote,
  describeMinutesState,
  isMinutesEditable,
  minutesApprovalTitle,
} from "@/lib/domain";

describe("procès-verbal rules", () => {
  it("[minutes]: the workflow goes draft → submitted → adopted → published, a submitted draft may be taken back", () => {
    expect(canMoveMinutes("DRAFT", "SUBMITTED")).toBe(true);
    expect(canMoveMinutes("SUBMITTED", "ADOPTED")).toBe(true);
    expect(canMoveMinutes("SUBMITTED", "DRAFT")).toBe(true);
    expect(canMoveMinutes("ADOPTED", "PUBLISHED")).toBe(true);
    expect(canMoveMinutes("DRAFT", "PUBLISHED")).toBe(false);
    expect(canMoveMinutes("SUBMITTED", "PUBLISHED")).toBe(false);
    expect(canMoveMinutes("PUBLISHED", "DRAFT")).toBe(false);
    expect(isMinutesEditable("ADOPTED")).toBe(true);
    expect(isMinutesEditable("PUBLISHED")).toBe(false);
  });

  it("[minutes]: the approval item names the earlier sitting's day on the municipality's clock", () => {
    expect(minutesApprovalTitle(new Date("2022-04-07T12:00:00Z"), "Europe/Paris")).toBe("Approbation du procès-verbal de la séance du 7 avril 2022");
    // 23:30 in Martinique on 30 April is 1 May in UTC.
    expect(minutesApprovalTitle(new Date("2022-05-01T03:30:00Z"), "America/Martinique")).toBe("Approbation du procès-verbal de la séance du 30 avril 2022");
  });

  it("[minutes]: the adoption vote needs counted votes and more for than against", () => {
    expect(checkAdoptionVote({ votesFor: 20, votesAgainst: 3, abstentions: 2 })).toBeNull();
    expect(checkAdoptionVote({ votesFor: 0, votesAgainst: 0, abstentions: 0 })).toContain("aucune voix");
    expect(checkAdoptionVote({ votesFor: 5, votesAgainst: 5, abstentions: 0 })).toContain("n'est pas adopté");
    expect(checkAdoptionVote({ votesFor: 5, votesAgainst: -1, abstentions: 0 })).toContain("entiers");
    expect(checkAdoptionVote({ votesFor: 1.5, votesAgainst: 0, abstentions: 0 })).toContain("entiers");
  });

  it("[minutes]: the adoption is worded as the register words it", () => {
    expect(describeAdoptionVote({ votesFor: 27, votesAgainst: 0, abstentions: 0 })).toBe("adopté à l'unanimité");
    expect(describeAdoptionVote({ votesFor: 20, votesAgainst: 3, abstentions: 2 })).toBe("adopté par 20 voix pour, 3 contre et 2 abstentions");
    expect(describeAdoptionVote({ votesFor: 20, votesAgainst: 0, abstentions: 1 })).toBe("adopté par 20 voix pour, 0 contre et 1 abstention");
    expect(describeAdoptionVote({ votesFor: 20, votesAgainst: 2, abstentions: 0 })).toBe("adopté par 20 voix pour et 2 contre");
  });

  const facts = { sittingDay: "2022-09-29", approvingSittingDay: "2022-11-10", adoptedOn: null, publishedOn: null };

  it("[minutes]: the public page states the PV's stage in French", () => {
    expect(describeMinutesState({ ...facts, status: "DRAFT" })).toBe("Procès-verbal en cours de rédaction.");
    expect(describeMinutesState({ ...facts, status: "SUBMITTED" })).toBe("Projet de procès-verbal soumis à la séance du 10 novembre 2022.");
    expect(describeMinutesState({ ...facts, status: "SUBMITTED", approvingSittingDay: null })).toBe("Projet de procès-verbal soumis au conseil.");
    expect(describeMinutesState({ ...facts, status: "ADOPTED", adoptedOn: "2022-11-10" })).toBe("Procès-verbal adopté le 10 novembre 2022, en attente de publication.");
    expect(describeMinutesState({ ...facts, status: "ADOPTED" })).toBe("Procès-verbal adopté, en attente de publication.");
    expect(describeMinutesState({ ...facts, status: "PUBLISHED", adoptedOn: "2022-11-10", publishedOn: "2022-11-14" })).toBe(
      "Procès-verbal adopté le 10 novembre 2022, publié le 14 novembre 2022.",
    );
    expect(describeMinutesState({ ...facts, status: "PUBLISHED" })).toBe("Procès-verbal publié.");
    expect(() => describeMinutesState({ ...facts, status: "ARCHIVED" as never })).toThrow();
  });
});
