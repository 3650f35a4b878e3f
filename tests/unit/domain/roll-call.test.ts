import { describe, expect, it } from "vitest";
import { changedMarks, checkRollCallChanges, describeRollCallChange, checkSittingRollCall, DomainError, expandRollCall, summarizeRollCall } from "@/lib/domain";
import { NATIONAL_WINDOWS } from "./national-windows";
import type { RollCallChange, RollCallMark, SittingRollCall } from "@/lib/domain";

// A council of five (a…e) and a sitting of three deliberations (d1, d2, d3).

const ORDINARY_DAY = "2022-09-15";
const DELIBERATIONS = ["d1", "d2", "d3"];
const LABELS = DELIBERATIONS.map((id, index) => ({ id, label: `la délibération n° ${index + 1}` }));
const NAMES = new Map(["a", "b", "c", "d", "e"].map((id) => [id, `Madame ${id.toUpperCase()}`]));

function mark(councillorId: string, status: RollCallMark["status"] = "PRESENT", proxyHolderId: string | null = null, note: string | null = null): RollCallMark {
  return { councillorId, status, proxyHolderId, note };
}

function change(deliberationId: string, councillorId: string, status: RollCallMark["status"], proxyHolderId: string | null = null, note: string | null = null): RollCallChange {
  return { deliberationId, ...mark(councillorId, status, proxyHolderId, note) };
}

const OPENING = [mark("a"), mark("b"), mark("c", "REPRESENTED", "a", "pouvoir remis en séance"), mark("d", "EXCUSED"), mark("e", "ABSENT")];

function statuses(rollCall: SittingRollCall) {
  return expandRollCall({ rollCall, deliberationIds: DELIBERATIONS }).map(({ marks }) =>
    Object.fromEntries(marks.map((entry) => [entry.councillorId, entry.proxyHolderId ? `${entry.status}>${entry.proxyHolderId}` : entry.status])),
  );
}

describe("expandRollCall", () => {
  it("[roll call]: without changes every deliberation has the opening call, its remarks on the first only", () => {
    const expanded = expandRollCall({ rollCall: { opening: OPENING, changes: [] }, deliberationIds: DELIBERATIONS });
    expect(expanded.map((deliberation) => deliberation.deliberationId)).toEqual(DELIBERATIONS);
    expect(statuses({ opening: OPENING, changes: [] })).toEqual(
      DELIBERATIONS.map(() => ({ a: "PRESENT", b: "PRESENT", c: "REPRESENTED>a", d: "EXCUSED", e: "ABSENT" })),
    );
    expect(expanded.map(({ marks }) => marks.find((entry) => entry.councillorId === "c")!.note)).toEqual(["pouvoir remis en séance", null, null]);
    expect(expanded[2]!.marks[4]!.source).toEqual({ kind: "opening", index: 4 });
  });

  it("[roll call]: an arrival holds from its deliberation on, a later departure ends it", () => {
    const rollCall = { opening: OPENING, changes: [change("d3", "e", "REPRESENTED", "b"), change("d2", "e", "PRESENT", null, "arrivée à 19 h 10")] };
    expect(statuses(rollCall).map((deliberation) => deliberation.e)).toEqual(["ABSENT", "PRESENT", "REPRESENTED>b"]);
    const expanded = expandRollCall({ rollCall, deliberationIds: DELIBERATIONS });
    const e = expanded.map(({ marks }) => marks.find((entry) => entry.councillorId === "e")!);
    expect(e.map((entry) => entry.note)).toEqual([null, "arrivée à 19 h 10", null]);
    expect(e.map((entry) => entry.source)).toEqual([
      { kind: "opening", index: 4 },
      { kind: "change", index: 1 },
      { kind: "change", index: 0 },
    ]);
  });

  it("[roll call]: a change aimed at a deliberation of another sitting is refused", () => {
    expect(() => expandRollCall({ rollCall: { opening: OPENING, changes: [change("x", "e", "PRESENT")] }, deliberationIds: DELIBERATIONS })).toThrow(DomainError);
  });
});

describe("summarizeRollCall", () => {
  it("[roll call]: the opening call and the changes come back from the deliberations' attendance", () => {
    const rollCall: SittingRollCall = {
      opening: OPENING,
      changes: [change("d2", "e", "PRESENT", null, "arrivée à 19 h 10"), change("d3", "a", "EXCUSED"), change("d3", "c", "REPRESENTED", "b"), change("d3", "b", "PRESENT", null, "sort pendant le débat")],
    };
    const expanded = expandRollCall({ rollCall, deliberationIds: DELIBERATIONS });
    const summary = summarizeRollCall({
      deliberations: expanded.map(({ deliberationId, marks }) => ({ id: deliberationId, marks: marks.map(({ source: _source, ...rest }) => rest) })),
      councillorIds: ["a", "b", "c", "d", "e"],
    });
    expect(summary.opening).toEqual(OPENING);
    expect(summary.changes).toEqual([change("d2", "e", "PRESENT", null, "arrivée à 19 h 10"), change("d3", "a", "EXCUSED"), change("d3", "b", "PRESENT", null, "sort pendant le débat"), change("d3", "c", "REPRESENTED", "b")]);
    expect(statuses(summary)).toEqual(statuses(rollCall));
  });

  it("[roll call]: deliberations without a roll call yet inherit; councillors never called are present", () => {
    const summary = summarizeRollCall({
      deliberations: [
        { id: "d1", marks: [] },
        { id: "d2", marks: [mark("a", "EXCUSED"), { councillorId: "b", status: "REPRESENTED", proxyHolderId: "c", note: null }] },
        { id: "d3", marks: [] },
      ],
      councillorIds: ["a", "b", "c"],
    });
    expect(summary).toEqual({ opening: [mark("a", "EXCUSED"), mark("b", "REPRESENTED", "c"), mark("c")], changes: [] });
    expect(summarizeRollCall({ deliberations: [{ id: "d1", marks: [] }], councillorIds: ["a"], fallback: "ABSENT" })).toEqual({ opening: [mark("a", "ABSENT")], changes: [] });
  });

  it("[roll call]: for the minutes, a remark repeated on later deliberations is no change; the change keeps its remark", () => {
    const deliberations = [
      { id: "d1", marks: [mark("a", "ABSENT")] },
      { id: "d2", marks: [mark("a", "PRESENT", null, "Arrivée en cours de séance")] },
      { id: "d3", marks: [mark("a", "PRESENT", null, "Arrivée en cours de séance")] },
    ];
    expect(summarizeRollCall({ deliberations, councillorIds: ["a"], remarksAlone: false }).changes).toEqual([change("d2", "a", "PRESENT", null, "Arrivée en cours de séance")]);
    expect(summarizeRollCall({ deliberations, councillorIds: ["a"] }).changes).toHaveLength(2);
  });

  it("[roll call]: a councillor missing from a later deliberation's attendance keeps their mark", () => {
    const summary = summarizeRollCall({
      deliberations: [
        { id: "d1", marks: [mark("a"), mark("b", "ABSENT")] },
        { id: "d2", marks: [mark("a")] },
      ],
      councillorIds: ["a", "b"],
    });
    expect(summary.changes).toEqual([]);
  });
});

describe("checkRollCallChanges", () => {
  const check = (changes: RollCallChange[]) => checkRollCallChanges({ rollCall: { opening: OPENING, changes }, deliberations: LABELS, names: NAMES });

  it("[roll call]: sound changes pass, a remark alone is a change", () => {
    expect(check([change("d2", "e", "PRESENT"), change("d3", "e", "ABSENT"), change("d2", "a", "PRESENT", null, "quitte la salle puis revient")])).toEqual([]);
  });

  it("[roll call]: each impossible change is reported on its row, in French", () => {
    expect(check([change("x", "e", "PRESENT"), change("d1", "e", "PRESENT"), change("d2", "z", "PRESENT"), change("d2", "e", "PRESENT"), change("d2", "e", "EXCUSED")])).toEqual([
      { index: 0, message: "Choisissez la délibération à partir de laquelle ce changement vaut." },
      { index: 1, message: "Pour la première délibération, modifiez l'appel d'ouverture." },
      { index: 2, message: "Cet élu ne figure pas sur la liste d'appel." },
      { index: 4, message: "Madame E a déjà un changement à partir de la délibération n° 2." },
    ]);
  });

  it("[roll call]: a change that changes nothing is pointed out", () => {
    expect(check([change("d2", "e", "PRESENT"), change("d3", "e", "PRESENT"), change("d3", "c", "REPRESENTED", "a")])).toEqual([
      { index: 1, message: "Ce changement ne change rien : Madame E a déjà cette présence avant la délibération n° 3." },
      { index: 2, message: "Ce changement ne change rien : Madame C a déjà cette présence avant la délibération n° 3." },
    ]);
    const unnamed = checkRollCallChanges({ rollCall: { opening: [mark("q")], changes: [change("d2", "q", "PRESENT"), change("d2", "q", "PRESENT")] }, deliberations: LABELS, names: NAMES });
    expect(unnamed).toEqual([{ index: 1, message: "Cet élu a déjà un changement à partir de la délibération n° 2." }]);
    const unnamedNoop = checkRollCallChanges({ rollCall: { opening: [mark("q")], changes: [change("d2", "q", "PRESENT")] }, deliberations: LABELS, names: NAMES });
    expect(unnamedNoop).toEqual([{ index: 0, message: "Ce changement ne change rien : Cet élu a déjà cette présence avant la délibération n° 2." }]);
  });
});

describe("checkSittingRollCall", () => {
  const run = (rollCall: SittingRollCall, options: { date?: string; reconvened?: boolean; membersInOffice?: number } = {}) =>
    checkSittingRollCall({
      expanded: expandRollCall({ rollCall, deliberationIds: DELIBERATIONS }),
      names: NAMES,
      date: options.date ?? ORDINARY_DAY,
      membersInOffice: options.membersInOffice ?? 5,
      reconvened: options.reconvened,
      windows: NATIONAL_WINDOWS,
    });

  it("[roll call]: counts and quorum at each deliberation follow arrivals and departures", () => {
    const checks = run({ opening: OPENING, changes: [change("d2", "b", "ABSENT"), change("d3", "e", "PRESENT")] });
    expect(checks.map(({ deliberationId, present, represented, excused, absent, quorum }) => ({ deliberationId, present, represented, excused, absent, reached: quorum.reached }))).toEqual([
      { deliberationId: "d1", present: 2, represented: 1, excused: 1, absent: 1, reached: false },
      { deliberationId: "d2", present: 1, represented: 1, excused: 1, absent: 2, reached: false },
      { deliberationId: "d3", present: 2, represented: 1, excused: 1, absent: 1, reached: false },
    ]);
    expect(checks.every((check) => check.issues.length === 0)).toBe(true);
    expect(run({ opening: [mark("a"), mark("b"), mark("c")], changes: [] }).map((check) => check.quorum.reached)).toEqual([true, true, true]);
    expect(run({ opening: [mark("a")], changes: [] }, { reconvened: true })[0]!.quorum.rule).toBe("RECONVENED");
    expect(run({ opening: [mark("a"), mark("b"), mark("c")], changes: [] }, { membersInOffice: 2 })[0]!.present).toBe(3);
  });

  it("[roll call]: a holder who leaves makes the proxy fail, on the giver's row and on the departure", () => {
    const checks = run({ opening: OPENING, changes: [change("d3", "a", "EXCUSED")] });
    expect(checks[0]!.issues).toEqual([]);
    expect(checks[2]!.issues).toEqual([
      {
        message: "Madame A, mandataire de Madame C, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.",
        sources: [
          { kind: "opening", index: 2 },
          { kind: "change", index: 0 },
        ],
      },
    ]);
  });

  it("[roll call]: too many proxies are reported on the givers' rows; a derogation day allows two", () => {
    const rollCall: SittingRollCall = { opening: [mark("a"), mark("b"), mark("c", "REPRESENTED", "a"), mark("d", "EXCUSED"), mark("e", "ABSENT")], changes: [change("d2", "d", "REPRESENTED", "a")] };
    const checks = run(rollCall);
    expect(checks[0]!.issues).toEqual([]);
    expect(checks[1]!.issues).toEqual([
      {
        message: "Madame A porte déjà 2 pouvoirs (maximum 1 à cette date).",
        sources: [
          { kind: "opening", index: 2 },
          { kind: "change", index: 0 },
        ],
      },
    ]);
    expect(run(rollCall, { date: "2022-04-07" }).flatMap((check) => check.issues)).toEqual([]);
  });

  it("[roll call]: a proxy holder on a row not represented is reported on that row; unknown names show the id", () => {
    const checks = checkSittingRollCall({
      expanded: [{ deliberationId: "d1", marks: [{ ...mark("a", "PRESENT", "b"), source: { kind: "opening", index: 0 } }, { ...mark("b"), source: { kind: "opening", index: 1 } }] }],
      names: new Map(),
      date: ORDINARY_DAY,
      membersInOffice: 5,
      windows: NATIONAL_WINDOWS,
    });
    expect(checks[0]!.issues).toEqual([{ message: "Un mandataire est indiqué pour a, dont le statut n'est pas « représenté ».", sources: [{ kind: "opening", index: 0 }] }]);
  });
});

describe("changedMarks", () => {
  const [first] = expandRollCall({ rollCall: { opening: OPENING, changes: [] }, deliberationIds: ["d1"] });

  it("[roll call]: nothing when the record matches, the differing marks otherwise (status, holder or remark)", () => {
    expect(changedMarks(first!.marks, OPENING)).toEqual([]);
    const stored = OPENING.map((entry) => (entry.councillorId === "e" ? mark("e", "PRESENT") : entry.councillorId === "c" ? { ...entry, note: null } : entry));
    expect(changedMarks(first!.marks, stored).map((entry) => entry.councillorId)).toEqual(["c", "e"]);
  });

  it("[roll call]: every mark when the record lacks or has extra councillors", () => {
    expect(changedMarks(first!.marks, [])).toHaveLength(5);
    expect(changedMarks(first!.marks, [...OPENING, mark("z")])).toHaveLength(5);
  });
});

describe("describeRollCallChange", () => {
  it("[roll call]: arrivals, departures and late proxies as the minutes say them, agreed with the civility", () => {
    const base = { holderName: null, note: null, deliberationNumber: "DL.2019-250" };
    expect(describeRollCallChange({ ...base, name: "Madame Anne MARTIN", civility: "MADAME", status: "PRESENT", note: "arrivée à 19 h 10" })).toBe(
      "Madame Anne MARTIN est présente à partir de la délibération DL.2019-250 (arrivée à 19 h 10).",
    );
    expect(describeRollCallChange({ ...base, name: "Monsieur Paul DURAND", civility: "MONSIEUR", status: "REPRESENTED", holderName: "Madame Anne MARTIN" })).toBe(
      "Monsieur Paul DURAND est représenté par Madame Anne MARTIN à partir de la délibération DL.2019-250.",
    );
    expect(describeRollCallChange({ ...base, name: "Madame Léa PETIT", civility: "MADAME", status: "REPRESENTED" })).toBe(
      "Madame Léa PETIT est représentée à partir de la délibération DL.2019-250.",
    );
    expect(describeRollCallChange({ ...base, name: "Monsieur Paul DURAND", civility: "MONSIEUR", status: "EXCUSED" })).toBe(
      "Monsieur Paul DURAND est excusé à partir de la délibération DL.2019-250.",
    );
  });
});
