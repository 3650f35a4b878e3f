import { describe, expect, it } from "vitest";
import { checkChoices, checkTally, decideOutcome, deriveTally, describeOutcome, DomainError, secretBallotTally } from "@/lib/domain";
import type { AttendanceEntry, Tally, VoteChoice } from "@/lib/domain";
import { referenceAttendance, referenceId } from "./reference-attendance";

const REFERENCE_TALLY: Tally = {
  presentAndRepresented: 47,
  present: 40,
  represented: 7,
  abstentions: 0,
  nonParticipation: 0,
  expressed: 47,
  votesFor: 47,
  votesAgainst: 0,
};

function entry(councillorId: string, status: AttendanceEntry["status"], proxyHolderId: string | null = null): AttendanceEntry {
  return { councillorId, name: `Madame ${councillorId.toUpperCase()}`, status, proxyHolderId };
}

const smallCouncil: AttendanceEntry[] = [
  entry("a", "PRESENT"),
  entry("b", "PRESENT"),
  entry("c", "PRESENT"),
  entry("d", "REPRESENTED", "a"),
  entry("e", "EXCUSED"),
  entry("f", "ABSENT"),
];

function tally(overrides: Partial<Tally>): Tally {
  return { ...REFERENCE_TALLY, ...overrides };
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("deriveTally", () => {
  it("[tally]: the reference case gives 47/40/0/0/47/47/0 when nobody states a choice", () => {
    expect(deriveTally({ attendance: referenceAttendance(), choices: [] })).toEqual(REFERENCE_TALLY);
  });

  it("[tally]: everyone present or represented votes for unless a choice says otherwise", () => {
    expect(deriveTally({ attendance: smallCouncil, choices: [] })).toEqual({
      presentAndRepresented: 4,
      present: 3,
      represented: 1,
      abstentions: 0,
      nonParticipation: 0,
      expressed: 4,
      votesFor: 4,
      votesAgainst: 0,
    });
  });

  it("[tally]: expressed votes exclude abstentions and non-participation", () => {
    const result = deriveTally({
      attendance: smallCouncil,
      choices: [
        { councillorId: "a", choice: "AGAINST" },
        { councillorId: "b", choice: "ABSTENTION" },
        { councillorId: "c", choice: "NOT_VOTING" },
      ],
    });
    expect(result).toEqual({
      presentAndRepresented: 4,
      present: 3,
      represented: 1,
      abstentions: 1,
      nonParticipation: 1,
      expressed: 2,
      votesFor: 1,
      votesAgainst: 1,
    });
  });

  it("[tally]: a represented member's choice counts for the giver, not for the holder", () => {
    const result = deriveTally({ attendance: smallCouncil, choices: [{ councillorId: "d", choice: "AGAINST" }] });
    expect(result.votesAgainst).toBe(1);
    expect(result.votesFor).toBe(3);
    expect(result.presentAndRepresented).toBe(4);
  });

  it("[tally]: choices for excused, absent or unknown councillors are not counted", () => {
    const result = deriveTally({
      attendance: smallCouncil,
      choices: [
        { councillorId: "e", choice: "AGAINST" },
        { councillorId: "f", choice: "AGAINST" },
        { councillorId: "zz", choice: "AGAINST" },
      ],
    });
    expect(result.votesAgainst).toBe(0);
    expect(result.votesFor).toBe(4);
  });

  it("[tally]: of duplicate choices for one councillor, only the first counts", () => {
    const result = deriveTally({
      attendance: smallCouncil,
      choices: [
        { councillorId: "a", choice: "AGAINST" },
        { councillorId: "a", choice: "ABSTENTION" },
      ],
    });
    expect(result.votesAgainst).toBe(1);
    expect(result.abstentions).toBe(0);
  });

  it("[tally]: an empty attendance gives an all-zero tally", () => {
    expect(Object.values(deriveTally({ attendance: [], choices: [] })).every((figure) => figure === 0)).toBe(true);
  });

  it("[tally]: an attendance status outside the model is refused", () => {
    const broken = [{ ...entry("x", "PRESENT"), status: "ON_LEAVE" as never }];
    expect(() => deriveTally({ attendance: broken, choices: [] })).toThrow(DomainError);
  });

  it("[tally]: a vote choice outside the model is refused", () => {
    const choices = [{ councillorId: "a", choice: "MAYBE" as VoteChoice }];
    expect(() => deriveTally({ attendance: smallCouncil, choices })).toThrow(/Valeur inattendue : MAYBE/);
  });

  it("[tally]: a derived tally always satisfies checkTally", () => {
    const choices: { councillorId: string; choice: VoteChoice }[] = [
      { councillorId: referenceId("Madame Sophie JOISSAINS"), choice: "ABSTENTION" },
      { councillorId: referenceId("Monsieur Jules SUSINI"), choice: "AGAINST" },
      { councillorId: referenceId("Monsieur Marc PENA"), choice: "NOT_VOTING" },
    ];
    const derived = deriveTally({ attendance: referenceAttendance(), choices });
    expect(checkTally(derived, { membersInOffice: 55 })).toEqual([]);
    expect(derived).toMatchObject({ expressed: 45, votesFor: 44, votesAgainst: 1, abstentions: 1, nonParticipation: 1 });
  });
});

describe("secretBallotTally", () => {
  it("[tally]: a secret ballot's exprimés are présents et représentés less abstentions and non-participation", () => {
    const tally = secretBallotTally({ present: 40, represented: 7, votesFor: 30, votesAgainst: 12, abstentions: 3, nonParticipation: 2 });
    expect(tally).toEqual({
      presentAndRepresented: 47,
      present: 40,
      represented: 7,
      abstentions: 3,
      nonParticipation: 2,
      expressed: 42,
      votesFor: 30,
      votesAgainst: 12,
    });
    expect(checkTally(tally)).toEqual([]);
  });

  it("[tally]: counts that miss a voter leave an identity broken, named by checkTally", () => {
    const tally = secretBallotTally({ present: 40, represented: 7, votesFor: 30, votesAgainst: 11, abstentions: 3, nonParticipation: 2 });
    expect(checkTally(tally).map((issue) => issue.code)).toEqual(["FOR_AGAINST_MISMATCH"]);
  });
});

describe("checkChoices", () => {
  it("[choices]: choices for present and represented members raise nothing", () => {
    const choices = [
      { councillorId: "a", choice: "AGAINST" as const },
      { councillorId: "d", choice: "ABSTENTION" as const },
    ];
    expect(checkChoices({ attendance: smallCouncil, choices })).toEqual([]);
  });

  it("[choices]: a choice for an excused or absent member is reported with the member's name", () => {
    const issues = checkChoices({
      attendance: smallCouncil,
      choices: [
        { councillorId: "e", choice: "FOR" },
        { councillorId: "f", choice: "AGAINST" },
      ],
    });
    expect(issues).toEqual([
      {
        code: "CHOICE_FOR_NON_VOTING_MEMBER",
        message: "Un vote est enregistré pour Madame E, qui ne figure ni parmi les présents ni parmi les représentés : ce vote ne peut pas être compté.",
        councillorId: "e",
      },
      expect.objectContaining({ code: "CHOICE_FOR_NON_VOTING_MEMBER", councillorId: "f" }),
    ]);
  });

  it("[choices]: a choice for a councillor missing from the attendance is reported with the id", () => {
    const issues = checkChoices({ attendance: smallCouncil, choices: [{ councillorId: "zz", choice: "FOR" }] });
    expect(issues).toEqual([
      {
        code: "CHOICE_FOR_UNKNOWN_COUNCILLOR",
        message: "Un vote est enregistré pour un élu absent de la liste de présence (identifiant « zz »).",
        councillorId: "zz",
      },
    ]);
  });

  it("[choices]: a second choice for the same councillor is reported once per extra choice", () => {
    const issues = checkChoices({
      attendance: smallCouncil,
      choices: [
        { councillorId: "a", choice: "FOR" },
        { councillorId: "a", choice: "AGAINST" },
        { councillorId: "a", choice: "ABSTENTION" },
      ],
    });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({
      code: "DUPLICATE_CHOICE",
      message: "Plusieurs votes sont enregistrés pour Madame A.",
      councillorId: "a",
    });
  });

  it("[choices]: a duplicate choice for an unknown councillor names the id, and is reported apart from the unknown", () => {
    const issues = checkChoices({
      attendance: smallCouncil,
      choices: [
        { councillorId: "zz", choice: "FOR" },
        { councillorId: "zz", choice: "FOR" },
      ],
    });
    expect(issues.map((issue) => issue.code)).toEqual(["CHOICE_FOR_UNKNOWN_COUNCILLOR", "DUPLICATE_CHOICE"]);
    expect(issues[1]?.message).toBe("Plusieurs votes sont enregistrés pour l'élu d'identifiant « zz ».");
  });
});

describe("checkTally", () => {
  it("[tally]: the reference tally is consistent, within 55 members in office", () => {
    expect(checkTally(REFERENCE_TALLY, { membersInOffice: 55 })).toEqual([]);
  });

  it("[tally]: présents + pouvoirs must make présents et représentés", () => {
    expect(checkTally(tally({ presentAndRepresented: 46, expressed: 46, votesFor: 46 }))).toEqual([
      {
        code: "PRESENT_AND_REPRESENTED_MISMATCH",
        message: "Présents (40) + pouvoirs (7) ne font pas les présents et représentés (46).",
      },
    ]);
  });

  it("[tally]: exprimés must be présents et représentés − abstentions − non-participation", () => {
    expect(checkTally(tally({ abstentions: 1 }))).toEqual([
      {
        code: "EXPRESSED_MISMATCH",
        message:
          "Présents et représentés (47) − abstentions (1) − non participation (0) ne font pas les suffrages exprimés (47).",
      },
    ]);
    expect(checkTally(tally({ nonParticipation: 2 })).map((issue) => issue.code)).toEqual(["EXPRESSED_MISMATCH"]);
  });

  it("[tally]: pour + contre must make the suffrages exprimés", () => {
    const issues = checkTally(
      tally({ presentAndRepresented: 41, present: 41, represented: 0, expressed: 41, votesFor: 30, votesAgainst: 10 }),
    );
    expect(issues).toEqual([
      { code: "FOR_AGAINST_MISMATCH", message: "Pour (30) + contre (10) ne font pas les suffrages exprimés (41)." },
    ]);
  });

  it("[tally]: présents et représentés cannot exceed the members in office", () => {
    expect(checkTally(REFERENCE_TALLY, { membersInOffice: 46 })).toEqual([
      {
        code: "MORE_VOTERS_THAN_MEMBERS",
        message: "Présents et représentés (47) dépassent le nombre de membres en exercice (46).",
      },
    ]);
    expect(checkTally(REFERENCE_TALLY, { membersInOffice: 47 })).toEqual([]);
  });

  it("[tally]: every broken identity is reported, not only the first", () => {
    const codes = checkTally(tally({ present: 39, abstentions: 3, votesAgainst: 1 }), { membersInOffice: 10 }).map(
      (issue) => issue.code,
    );
    expect(codes).toEqual([
      "PRESENT_AND_REPRESENTED_MISMATCH",
      "EXPRESSED_MISMATCH",
      "FOR_AGAINST_MISMATCH",
      "MORE_VOTERS_THAN_MEMBERS",
    ]);
  });

  it("[tally]: negative, fractional or non-numeric figures are reported by name, before any identity", () => {
    const issues = checkTally(tally({ votesAgainst: -1, abstentions: 0.5, present: Number.NaN }));
    expect(issues).toEqual([
      { code: "INVALID_FIGURE", message: "Présents (NaN) doit être un nombre entier positif ou nul." },
      { code: "INVALID_FIGURE", message: "Abstentions (0.5) doit être un nombre entier positif ou nul." },
      { code: "INVALID_FIGURE", message: "Contre (-1) doit être un nombre entier positif ou nul." },
    ]);
  });

  it("[tally]: an all-zero tally is consistent", () => {
    const zero = tally({ presentAndRepresented: 0, present: 0, represented: 0, expressed: 0, votesFor: 0 });
    expect(checkTally(zero)).toEqual([]);
  });
});

describe("decideOutcome", () => {
  const split = (votesFor: number, votesAgainst: number, abstentions = 0): Tally => ({
    presentAndRepresented: votesFor + votesAgainst + abstentions,
    present: votesFor + votesAgainst + abstentions,
    represented: 0,
    abstentions,
    nonParticipation: 0,
    expressed: votesFor + votesAgainst,
    votesFor,
    votesAgainst,
  });

  it("[outcome]: the reference tally is adopted without a casting vote", () => {
    expect(decideOutcome({ tally: REFERENCE_TALLY, secret: false })).toEqual({ outcome: "ADOPTED", casting: false });
  });

  it("[outcome]: more pour than contre adopts, by one vote, in public and secret ballots", () => {
    expect(decideOutcome({ tally: split(11, 10), secret: false })).toEqual({ outcome: "ADOPTED", casting: false });
    expect(decideOutcome({ tally: split(11, 10), secret: true })).toEqual({ outcome: "ADOPTED", casting: false });
  });

  it("[outcome]: the majority is of suffrages exprimés: abstentions do not count against", () => {
    expect(decideOutcome({ tally: split(5, 4, 20), secret: false }).outcome).toBe("ADOPTED");
  });

  it("[outcome]: more contre than pour rejects", () => {
    expect(decideOutcome({ tally: split(10, 11), secret: false })).toEqual({ outcome: "REJECTED", casting: false });
  });

  it("[outcome]: on a tie in a public vote, the president's casting vote decides", () => {
    expect(decideOutcome({ tally: split(10, 10), secret: false, castingVote: "FOR" })).toEqual({
      outcome: "ADOPTED",
      casting: true,
    });
    expect(decideOutcome({ tally: split(10, 10), secret: false, castingVote: "AGAINST" })).toEqual({
      outcome: "REJECTED",
      casting: true,
    });
  });

  it("[outcome]: a tie in a public vote without the casting vote throws CASTING_VOTE_REQUIRED", () => {
    for (const castingVote of [undefined, null]) {
      const error = catchError(() => decideOutcome({ tally: split(10, 10), secret: false, castingVote }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: "CASTING_VOTE_REQUIRED",
        message:
          "Partage égal des voix (10 pour, 10 contre) : indiquez le vote du président de séance, qui est prépondérant.",
      });
    }
  });

  it("[outcome]: a tie in a secret ballot rejects, even with a casting vote given", () => {
    expect(decideOutcome({ tally: split(10, 10), secret: true })).toEqual({ outcome: "REJECTED", casting: false });
    expect(decideOutcome({ tally: split(10, 10), secret: true, castingVote: "FOR" })).toEqual({
      outcome: "REJECTED",
      casting: false,
    });
  });

  it("[outcome]: zero suffrages exprimés rejects, without asking for a casting vote", () => {
    expect(decideOutcome({ tally: split(0, 0, 12), secret: false })).toEqual({ outcome: "REJECTED", casting: false });
  });

  it("[outcome]: an inconsistent tally is refused rather than decided", () => {
    const error = catchError(() => decideOutcome({ tally: tally({ votesFor: 48 }), secret: false }));
    expect(error).toMatchObject({
      code: "INCONSISTENT_TALLY",
      message: "Décompte incohérent : Pour (48) + contre (0) ne font pas les suffrages exprimés (47).",
    });
  });

  it("[outcome]: a casting vote outside FOR/AGAINST is refused", () => {
    expect(() => decideOutcome({ tally: split(3, 3), secret: false, castingVote: "ABSTENTION" as never })).toThrow(
      DomainError,
    );
  });
});

describe("describeOutcome", () => {
  it("[outcome]: the reference result reads « Adopté à l'unanimité »", () => {
    expect(describeOutcome({ outcome: "ADOPTED", tally: REFERENCE_TALLY })).toBe("Adopté à l'unanimité");
  });

  it("[outcome]: no contre but abstentions reads « Adopté à l'unanimité des suffrages exprimés »", () => {
    const withAbstention = tally({ abstentions: 1, expressed: 46, votesFor: 46 });
    expect(describeOutcome({ outcome: "ADOPTED", tally: withAbstention })).toBe(
      "Adopté à l'unanimité des suffrages exprimés",
    );
  });

  it("[outcome]: no contre but non-participation also reads « unanimité des suffrages exprimés »", () => {
    const withNonParticipation = tally({ nonParticipation: 2, expressed: 45, votesFor: 45 });
    expect(describeOutcome({ outcome: "ADOPTED", tally: withNonParticipation })).toBe(
      "Adopté à l'unanimité des suffrages exprimés",
    );
  });

  it("[outcome]: any contre reads « Adopté à la majorité »", () => {
    const withAgainst = tally({ abstentions: 3, expressed: 44, votesFor: 43, votesAgainst: 1 });
    expect(describeOutcome({ outcome: "ADOPTED", tally: withAgainst })).toBe("Adopté à la majorité");
  });

  it("[outcome]: an adoption without recorded figures reads « Adopté »", () => {
    expect(describeOutcome({ outcome: "ADOPTED", tally: null })).toBe("Adopté");
  });

  it("[outcome]: rejection and withdrawal have their own wording", () => {
    expect(describeOutcome({ outcome: "REJECTED", tally: REFERENCE_TALLY })).toBe("Rejeté");
    expect(describeOutcome({ outcome: "WITHDRAWN", tally: null })).toBe("Retiré de l'ordre du jour");
  });

  it("[outcome]: an outcome outside the model is refused", () => {
    expect(() => describeOutcome({ outcome: "POSTPONED" as never, tally: null })).toThrow(DomainError);
  });
});

describe("describeOutcome: an archived act's tally, figures perhaps unknown", () => {
  const unknown = { presentAndRepresented: null, present: null, represented: null, abstentions: null, nonParticipation: null, expressed: null, votesFor: null, votesAgainst: null };
  it("says « à l'unanimité » when the archive says so, without figures", () => {
    expect(describeOutcome({ outcome: "ADOPTED", tally: { ...unknown, unanimous: true } })).toBe("Adopté à l'unanimité");
    expect(describeOutcome({ outcome: "ADOPTED", tally: { ...unknown, unanimous: true, abstentions: 2 } })).toBe("Adopté à l'unanimité des suffrages exprimés");
  });
  it("says only « Adopté » when the votes against are unknown, and reads the known ones", () => {
    expect(describeOutcome({ outcome: "ADOPTED", tally: unknown })).toBe("Adopté");
    expect(describeOutcome({ outcome: "ADOPTED", tally: { ...unknown, votesFor: 10, votesAgainst: 3 } })).toBe("Adopté à la majorité");
    expect(describeOutcome({ outcome: "ADOPTED", tally: { ...unknown, votesFor: 10, votesAgainst: 0 } })).toBe("Adopté à l'unanimité");
  });
});
