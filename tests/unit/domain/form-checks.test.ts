import { describe, expect, it } from "vitest";
import { addIssue, atDeliberations, checkAttendance, checkRollCallForm, deliberationLabel, fixedAttendanceMessage, hasIssues, rollCallFieldKey } from "@/lib/domain";
import type { FormIssues, RollCallFormDeliberation, RollCallMark } from "@/lib/domain";
import { describeAttendanceCounts } from "@/lib/domain/attendance-form";
import { checkVoteForm, countMessage, parseCount } from "@/lib/domain/vote-form";
import type { AttendanceEntry } from "@/lib/domain";
import { NATIONAL_WINDOWS } from "./national-windows";

// The checks each form runs as the clerk types and its use case runs before writing:
// one function per form, issues keyed by the form's rows and fields.

const ORDINARY_DAY = "2022-09-15";
const COUNCILLORS = ["a", "b", "c", "d", "e"].map((id) => ({ id, name: `Madame ${id.toUpperCase()}` }));

function mark(councillorId: string, status: RollCallMark["status"] = "PRESENT", proxyHolderId: string | null = null): RollCallMark {
  return { councillorId, status, proxyHolderId, note: null };
}

describe("form issues", () => {
  it("[forms]: a message is kept once per key; a check found something when a key has a message", () => {
    const issues: FormIssues = {};
    expect(hasIssues(issues)).toBe(false);
    addIssue(issues, "tally", "Pour (3) + contre (2) ne font pas les suffrages exprimés (4).");
    addIssue(issues, "tally", "Pour (3) + contre (2) ne font pas les suffrages exprimés (4).");
    expect(issues).toEqual({ tally: ["Pour (3) + contre (2) ne font pas les suffrages exprimés (4)."] });
    expect(hasIssues(issues)).toBe(true);
  });
});

describe("checkAttendance", () => {
  const run = (rows: { councillorId: string; status: RollCallMark["status"]; proxyHolderId: string | null }[], membersInOffice = 5) =>
    checkAttendance({ rows, councillors: COUNCILLORS, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS, membersInOffice });

  it("[attendance]: a complete list with one proxy has no issue, its counts agreed in French", () => {
    const check = run([mark("a"), mark("b"), mark("c"), mark("d", "REPRESENTED", "a"), mark("e", "EXCUSED")]);
    expect(check.issues).toEqual({});
    expect(check.proxyIssueCount).toBe(0);
    expect(check.quorum.reached).toBe(true);
    expect(describeAttendanceCounts(check)).toBe("3 présents, 1 représenté, 1 excusé, 0 absent");
  });

  it("[attendance]: someone not in office or called twice on their row, the missing ones once for the form", () => {
    const check = run([mark("a"), mark("a"), mark("z"), mark("b"), mark("c")]);
    expect(check.issues).toEqual({
      "entries.1.status": ["Madame A figure deux fois."],
      "entries.2.status": ["Cet élu n'est pas en fonction le jour de la séance."],
      _form: ["Il manque à la liste : Madame D, Madame E."],
    });
  });

  it("[attendance]: a giver's issue on the giver's row, a holder's on the rows of those who gave them a proxy", () => {
    const twoProxies = run([mark("a"), mark("b"), mark("c"), mark("d", "REPRESENTED", "a"), mark("e", "REPRESENTED", "a")]);
    expect(twoProxies.issues).toEqual({
      "entries.3.proxyHolderId": ["Madame A porte déjà 2 pouvoirs (maximum 1 à cette date)."],
      "entries.4.proxyHolderId": ["Madame A porte déjà 2 pouvoirs (maximum 1 à cette date)."],
    });
    const noHolder = run([mark("a"), mark("b"), mark("c"), mark("d", "REPRESENTED", ""), mark("e", "ABSENT")]);
    expect(noHolder.issues).toEqual({ "entries.3.proxyHolderId": ["Madame D a donné pouvoir, mais aucun mandataire n'est indiqué."] });
    expect(noHolder.proxyIssueCount).toBe(1);
    const holderWithoutProxy = run([mark("a"), mark("b"), mark("c"), mark("d", "PRESENT", "a"), mark("e")]);
    expect(holderWithoutProxy.issues).toEqual({ _form: ["Un mandataire est indiqué pour Madame D, dont le statut n'est pas « représenté »."] });
    // An issue about a holder nobody gave a proxy to (a holder not on the list) goes to the form.
    const unknownHolder = run([mark("a"), mark("b"), mark("c"), mark("d", "REPRESENTED", "z"), mark("e")]);
    expect(unknownHolder.issues).toEqual({ "entries.3.proxyHolderId": [expect.stringContaining("ne figure pas sur la liste de présence")] });
  });

  it("[attendance]: the quorum follows the present ones, never more than the members in office", () => {
    expect(run([mark("a"), mark("b", "ABSENT"), mark("c", "ABSENT"), mark("d", "ABSENT"), mark("e", "ABSENT")]).quorum.reached).toBe(false);
    expect(run([mark("a"), mark("b"), mark("c"), mark("d"), mark("e")], 3).quorum.reached).toBe(true);
  });
});

describe("checkRollCallForm", () => {
  const deliberation = (index: number, overrides: Partial<RollCallFormDeliberation> = {}): RollCallFormDeliberation => ({
    id: `d${index}`,
    orderInSitting: index,
    number: `DL.2023-${index}`,
    status: "DRAFT",
    editable: true,
    marks: [],
    ...overrides,
  });
  const THREE = [deliberation(1), deliberation(2), deliberation(3)];
  const OPENING = [mark("a"), mark("b"), mark("c", "REPRESENTED", "a"), mark("d"), mark("e", "ABSENT")];
  const run = (opening: RollCallMark[], changes: (RollCallMark & { deliberationId: string })[], deliberations = THREE) =>
    checkRollCallForm({ rollCall: { opening, changes }, councillors: COUNCILLORS, deliberations, date: ORDINARY_DAY, membersInOffice: 5, windows: NATIONAL_WINDOWS });

  it("[roll call]: a sound call has no issue and rewrites every draft", () => {
    const check = run(OPENING, []);
    expect(check.issues).toEqual({});
    expect(check.rowsWithIssues).toBe(0);
    expect(check.toWrite.map((entry) => entry.deliberationId)).toEqual(["d1", "d2", "d3"]);
    expect(check.toWrite[0]!.marks[2]).toEqual(mark("c", "REPRESENTED", "a"));
    expect(check.presentAt[0]).toEqual(["a", "b", "d"]);
    expect(check.blocked).toEqual([false, false, false]);
    // A draft whose list on record is already the call's is not rewritten.
    expect(run(OPENING, [], [deliberation(1, { marks: OPENING }), deliberation(2)]).toWrite.map((entry) => entry.deliberationId)).toEqual(["d2"]);
  });

  it("[roll call]: a rule broken at several deliberations is said once on each row, naming them all", () => {
    const check = run(OPENING, [{ ...mark("a", "ABSENT"), deliberationId: "d2" }]);
    const message = "Aux délibérations n° 2 (DL.2023-2) et n° 3 (DL.2023-3) : Madame A, mandataire de Madame C, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.";
    expect(check.issues).toEqual({ "opening.2.proxyHolderId": [message], "changes.0.proxyHolderId": [message] });
    expect(check.rowsWithIssues).toBe(2);
    expect(check.checks.map((entry) => entry.issues.length)).toEqual([0, 1, 1]);
  });

  it("[roll call]: the opening call against those in office, a change row still typed left out, a wrong change on its row and out of the counts", () => {
    const check = run(
      [mark("a"), mark("a"), mark("z"), mark("b"), mark("c")],
      [
        { ...mark("", "ABSENT"), deliberationId: "d2" },
        { ...mark("b", "ABSENT"), deliberationId: "d1" },
        { ...mark("c", "ABSENT"), deliberationId: "d3" },
      ],
    );
    expect(check.issues).toEqual({
      "opening.1.status": ["Madame A figure deux fois."],
      "opening.2.status": ["Cet élu n'est pas en fonction le jour de la séance."],
      _form: ["Il manque à la liste d'appel : Madame D, Madame E."],
      "changes.1.deliberationId": ["Pour la première délibération, modifiez l'appel d'ouverture."],
    });
    expect(check.rowsWithIssues).toBe(3);
    expect(check.checks.map((entry) => entry.present)).toEqual([4, 4, 3]);
  });

  it("[roll call]: a fixed list the call would change is refused on the rows, the deliberations said together", () => {
    const voted = (index: number) => deliberation(index, { status: "VOTED", editable: false, marks: OPENING });
    const check = run([mark("a"), mark("b"), mark("c", "REPRESENTED", "a"), mark("d", "EXCUSED"), mark("e", "ABSENT")], [], [voted(1), voted(2), deliberation(3)]);
    expect(check.issues).toEqual({
      "opening.3.status": ["Les délibérations n° 1 (DL.2023-1) et n° 2 (DL.2023-2) ne sont plus des projets : leur liste de présence ne peut plus changer (annulez d'abord leur vote ou leur retrait)."],
    });
    expect(check.blocked).toEqual([true, true, false]);
    expect(check.toWrite.map((entry) => entry.deliberationId)).toEqual(["d3"]);
    const published = run([mark("a"), mark("b"), mark("c", "REPRESENTED", "a"), mark("d", "EXCUSED"), mark("e", "ABSENT")], [], [deliberation(1, { status: "PUBLISHED", editable: false, marks: OPENING }), deliberation(2, { marks: OPENING }), deliberation(3, { status: "VOTED", editable: false })]);
    expect(published.issues).toEqual({ "opening.3.status": ["La délibération n° 1 (DL.2023-1) est publiée : sa liste de présence ne peut plus changer (émettez une rectification)."] });
    // A draft already on record with these marks, and a voted one without a list, are left as they are.
    expect(published.toWrite.map((entry) => entry.deliberationId)).toEqual(["d2"]);
  });

  it("[roll call]: the wording of the keys, labels and grouped messages", () => {
    expect([rollCallFieldKey({ kind: "opening", index: 3 }, "status"), rollCallFieldKey({ kind: "change", index: 0 }, "proxyHolderId")]).toEqual(["opening.3.status", "changes.0.proxyHolderId"]);
    expect(deliberationLabel({ orderInSitting: 3, number: "DL.2022-93" })).toBe("la délibération n° 3 (DL.2022-93)");
    const refs = [1, 2, 3].map((index) => ({ orderInSitting: index, number: `DL.2022-${index}` }));
    expect(atDeliberations(refs.slice(0, 1), "Madame A porte déjà 2 pouvoirs.")).toBe("À la délibération n° 1 (DL.2022-1) : Madame A porte déjà 2 pouvoirs.");
    expect(atDeliberations(refs, "Madame A porte déjà 2 pouvoirs.")).toBe("Aux délibérations n° 1 (DL.2022-1), n° 2 (DL.2022-2) et n° 3 (DL.2022-3) : Madame A porte déjà 2 pouvoirs.");
    expect(fixedAttendanceMessage(refs.slice(0, 1), "VOTED")).toBe("La délibération n° 1 (DL.2022-1) n'est plus un projet : sa liste de présence ne peut plus changer (annulez d'abord son vote ou son retrait).");
    expect(fixedAttendanceMessage(refs.slice(0, 2), "PUBLISHED")).toBe("Les délibérations n° 1 (DL.2022-1) et n° 2 (DL.2022-2) sont publiées : leur liste de présence ne peut plus changer (émettez une rectification).");
  });
});

describe("checkVoteForm", () => {
  const entry = (councillorId: string, status: AttendanceEntry["status"]): AttendanceEntry => ({ councillorId, name: `Madame ${councillorId.toUpperCase()}`, status, proxyHolderId: null });
  const ATTENDANCE = [entry("a", "PRESENT"), entry("b", "PRESENT"), entry("c", "PRESENT"), entry("d", "REPRESENTED"), entry("e", "EXCUSED")];
  const secret = (votesFor: string, votesAgainst: string, abstentions = "0", nonParticipation = "0") => ({ secret: true as const, votesFor, votesAgainst, abstentions, nonParticipation });
  const run = (vote: Parameters<typeof checkVoteForm>[0]["vote"], membersInOffice = 5) => checkVoteForm({ attendance: ATTENDANCE, membersInOffice, vote });

  it("[vote]: a public vote: everyone present or represented for unless named, the result decided", () => {
    const check = run({ secret: false, castingVote: "", choices: [{ councillorId: "b", choice: "AGAINST" }, { councillorId: "b", choice: "ABSTENTION" }] });
    expect(check.issues).toEqual({ "choices.b": ["Plusieurs votes sont enregistrés pour Madame B."] });
    const sound = run({ secret: false, castingVote: "", choices: [{ councillorId: "b", choice: "AGAINST" }] });
    expect(sound.issues).toEqual({});
    expect(sound.choices).toEqual([
      { councillorId: "a", choice: "FOR" },
      { councillorId: "b", choice: "AGAINST" },
      { councillorId: "c", choice: "FOR" },
      { councillorId: "d", choice: "FOR" },
    ]);
    expect(sound.tally).toMatchObject({ votesFor: 3, votesAgainst: 1, expressed: 4 });
    expect(sound.decision).toEqual({ outcome: "ADOPTED", casting: false });
    expect(sound.castingVote).toBeNull();
    expect(run({ secret: false, castingVote: "", choices: [{ councillorId: "e", choice: "AGAINST" }] }).issues["choices.e"]).toEqual([expect.stringContaining("ne peut pas être compté")]);
  });

  it("[vote]: a public tie asks for the casting vote beside its field, which then decides", () => {
    const tie = [{ councillorId: "a", choice: "AGAINST" as const }, { councillorId: "b", choice: "AGAINST" as const }];
    expect(run({ secret: false, castingVote: "", choices: tie }).issues).toEqual({
      castingVote: ["Partage égal des voix (2 pour, 2 contre) : indiquez le vote du président de séance, qui est prépondérant."],
    });
    const decided = run({ secret: false, castingVote: "AGAINST", choices: tie });
    expect(decided.decision).toEqual({ outcome: "REJECTED", casting: true });
    expect(decided.castingVote).toBe("AGAINST");
  });

  it("[vote]: a secret ballot's mismatch is one issue, for the tally; consistent counts decide", () => {
    expect(run(secret("3", "2")).issues).toEqual({ tally: ["Pour (3) + contre (2) ne font pas les suffrages exprimés (4)."] });
    expect(run(secret("3", "1"), 3).issues.tally).toEqual([expect.stringContaining("dépassent le nombre de membres en exercice (3)")]);
    const sound = run(secret("2", "1", "1"));
    expect(sound.issues).toEqual({});
    expect(sound.figures).toMatchObject({ presentAndRepresented: 4, expressed: 3, votesFor: 2 });
    expect(sound.decision).toEqual({ outcome: "ADOPTED", casting: false });
  });

  it("[vote]: an empty or wrong count is said on its field and never shows as NaN; the figures that follow still show", () => {
    const check = run(secret(" 3 ", "", "x"));
    expect(check.issues).toEqual({ votesAgainst: ["Contre : saisissez un nombre entier."], abstentions: ["Abstentions : saisissez un nombre entier."] });
    expect(check.tally).toBeNull();
    expect(check.decision).toBeNull();
    expect(check.figures).toEqual({ presentAndRepresented: 4, present: 3, represented: 1, expressed: null, votesFor: 3, votesAgainst: null, abstentions: null, nonParticipation: 0 });
    expect(JSON.stringify(check)).not.toContain("NaN");
    expect(run(secret("", "1", "1", "0")).figures.expressed).toBe(3);
  });

  it("[vote]: a count is one to three digits, its message names the figure", () => {
    expect([parseCount(" 12 "), parseCount(""), parseCount("1234"), parseCount("-1")]).toEqual([12, null, null, null]);
    expect(countMessage("nonParticipation")).toBe("Non participation : saisissez un nombre entier.");
  });
});
