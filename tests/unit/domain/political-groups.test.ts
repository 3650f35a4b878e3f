import { describe, expect, it } from "vitest";
import { checkMembership, copyVote, describeMembershipDays, groupOn, VOTE_CHOICE_KEYS, voteAllExcept, voteAsGroup, votesByGroup, type Membership } from "@/lib/domain/political-groups";

const MAJORITY: Membership = { groupId: "g1", groupName: "Majorité", startsOn: "2020-07-04", endsOn: "2022-01-31" };
const OPPOSITION: Membership = { groupId: "g2", groupName: "Opposition", startsOn: "2022-02-01", endsOn: null };
const MANDATE = { start: "2020-07-04", end: null };

describe("checkMembership", () => {
  const check = (membership: { startsOn: string; endsOn: string | null }, mandate: { start: string; end: string | null } = MANDATE, others: Membership[] = []) =>
    checkMembership({ membership, name: "Madame A", mandate, others });

  it("[groups]: a membership inside the mandate, after the previous one, is sound", () => {
    expect(check({ startsOn: "2022-02-01", endsOn: null }, MANDATE, [MAJORITY])).toEqual({});
    expect(check({ startsOn: "2020-07-04", endsOn: "2026-03-15" }, { start: "2020-07-04", end: "2026-03-15" })).toEqual({});
  });

  it("[groups]: one group at a time, said with the other group and its days", () => {
    expect(check({ startsOn: "2021-01-01", endsOn: null }, MANDATE, [MAJORITY, OPPOSITION])).toEqual({
      startsOn: [
        "Madame A est déjà membre du groupe « Majorité » du 4 juillet 2020 au 31 janvier 2022 : un élu n'appartient qu'à un groupe à la fois (indiquez d'abord la fin de cette appartenance).",
        "Madame A est déjà membre du groupe « Opposition » depuis le 1er février 2022 : un élu n'appartient qu'à un groupe à la fois (indiquez d'abord la fin de cette appartenance).",
      ],
    });
    expect(check({ startsOn: "2020-07-04", endsOn: "2020-12-31" }, MANDATE, [OPPOSITION])).toEqual({});
  });

  it("[groups]: inside the mandate: not before it, not after its end, not beyond it; an end before the start", () => {
    expect(check({ startsOn: "2020-01-01", endsOn: null })).toEqual({ startsOn: ["Le mandat de Madame A commence le 4 juillet 2020 : l'appartenance ne peut commencer avant."] });
    const ended = { start: "2020-07-04", end: "2023-06-30" };
    expect(check({ startsOn: "2023-07-01", endsOn: null }, ended)).toEqual({ startsOn: ["Le mandat de Madame A a pris fin le 30 juin 2023 : l'appartenance ne peut commencer après."] });
    expect(check({ startsOn: "2021-01-01", endsOn: "2024-01-01" }, ended)).toEqual({ endsOn: ["Le mandat de Madame A a pris fin le 30 juin 2023 : l'appartenance ne peut durer au-delà."] });
    expect(check({ startsOn: "2021-01-01", endsOn: "2020-12-31" })).toEqual({ endsOn: ["La fin de l'appartenance ne peut précéder son début."] });
  });

  it("[groups]: the days of a membership in French", () => {
    expect(describeMembershipDays(OPPOSITION)).toBe("depuis le 1er février 2022");
  });
});

describe("vote shortcuts", () => {
  const choices = { a: "FOR", b: "FOR", c: "ABSTENTION", d: "FOR" } as const;

  it("[vote]: the whole group votes so, only its voters; everyone except some; the previous vote copied", () => {
    expect(voteAsGroup(choices, ["b", "c", "z"], "AGAINST")).toEqual({ a: "FOR", b: "AGAINST", c: "AGAINST", d: "FOR" });
    expect(voteAllExcept(choices, "AGAINST", new Set(["a"]))).toEqual({ a: "FOR", b: "AGAINST", c: "AGAINST", d: "AGAINST" });
    expect(copyVote(["a", "b", "e"], [{ councillorId: "b", choice: "AGAINST" }, { councillorId: "z", choice: "ABSTENTION" }])).toEqual({ a: "FOR", b: "AGAINST", e: "FOR" });
    expect(Object.entries(VOTE_CHOICE_KEYS)).toEqual([["p", "FOR"], ["c", "AGAINST"], ["a", "ABSTENTION"], ["n", "NOT_VOTING"]]);
  });

  it("[groups]: the group on a day; votes by group, those without one last", () => {
    expect(groupOn([MAJORITY, OPPOSITION], "2021-01-01")).toBe(MAJORITY);
    expect(groupOn([MAJORITY, OPPOSITION], "2030-01-01")).toBe(OPPOSITION);
    expect(groupOn([MAJORITY], "2019-01-01")).toBeNull();
    const tallies = votesByGroup([
      { day: "2021-01-01", choice: "AGAINST", memberships: [] },
      { day: "2021-01-01", choice: "FOR", memberships: [OPPOSITION] },
      { day: "2023-01-01", choice: "AGAINST", memberships: [OPPOSITION] },
      { day: "2021-01-01", choice: "FOR", memberships: [MAJORITY] },
      { day: "2021-02-01", choice: "ABSTENTION", memberships: [MAJORITY] },
      { day: "2021-02-01", choice: "NOT_VOTING", memberships: [] },
    ]);
    expect(tallies).toEqual([
      { groupId: "g1", groupName: "Majorité", votes: { FOR: 1, AGAINST: 0, ABSTENTION: 1, NOT_VOTING: 0 } },
      { groupId: "g2", groupName: "Opposition", votes: { FOR: 0, AGAINST: 1, ABSTENTION: 0, NOT_VOTING: 0 } },
      { groupId: null, groupName: "Sans groupe", votes: { FOR: 1, AGAINST: 1, ABSTENTION: 0, NOT_VOTING: 1 } },
    ]);
    expect(votesByGroup([{ day: "2021-01-01", choice: "FOR", memberships: [MAJORITY] }]).map((tally) => tally.groupName)).toEqual(["Majorité"]);
    // Choices counted by the database: a record stands for `count` of them.
    expect(votesByGroup([
      { day: "2021-01-01", choice: "FOR", memberships: [MAJORITY, OPPOSITION], count: 40 },
      { day: "2023-01-01", choice: "FOR", memberships: [MAJORITY, OPPOSITION], count: 2 },
      { day: "2021-01-01", choice: "AGAINST", memberships: [MAJORITY, OPPOSITION] },
    ])).toEqual([
      { groupId: "g1", groupName: "Majorité", votes: { FOR: 40, AGAINST: 1, ABSTENTION: 0, NOT_VOTING: 0 } },
      { groupId: "g2", groupName: "Opposition", votes: { FOR: 2, AGAINST: 0, ABSTENTION: 0, NOT_VOTING: 0 } },
    ]);
  });
});
