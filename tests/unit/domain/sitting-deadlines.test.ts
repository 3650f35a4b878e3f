import { describe, expect, it } from "vitest";
import {
  actDeadline,
  convocationDeadline,
  deadlineUrgency,
  describeDueDay,
  listPostingDeadline,
  listPostingRule,
  minutesDeadline,
  RULES_OF_2022_FROM,
  sortByUrgency,
  underRulesOf2022,
} from "@/lib/domain";

describe("the rules of their date", () => {
  it("[deadlines]: the rules of 2022 apply from 1 July 2022", () => {
    expect(RULES_OF_2022_FROM).toBe("2022-07-01");
    expect(underRulesOf2022("2022-07-01")).toBe(true);
    expect(underRulesOf2022("2022-06-30")).toBe(false);
  });

  it("[deadlines]: the list of deliberations within the week from July 2022, the compte rendu within eight days before", () => {
    expect(listPostingRule("2022-07-01")).toMatchObject({ document: "la liste des délibérations", dueDay: "2022-07-08" });
    expect(listPostingRule("2022-06-30")).toMatchObject({ document: "le compte rendu de la séance", dueDay: "2022-07-08" });
    expect(listPostingRule("2022-12-28").dueDay).toBe("2023-01-04");
  });
});

describe("convocationDeadline", () => {
  it("[deadlines]: a sitting to come not yet convened is due on the last day of the ordinary delay", () => {
    expect(convocationDeadline({ sittingDay: "2026-12-10", population: null, convened: false, today: "2026-12-02" })).toEqual({
      kind: "convocation",
      label: "Envoyer la convocation (5 jours francs avant la séance)",
      dueDay: "2026-12-04",
      source: "article L2121-12 du CGCT",
    });
    expect(convocationDeadline({ sittingDay: "2026-12-10", population: 1200, convened: false, today: "2026-12-02" })).toMatchObject({ dueDay: "2026-12-06", source: "article L2121-11 du CGCT" });
  });

  it("[deadlines]: nothing once convened, nor for a sitting already past", () => {
    expect(convocationDeadline({ sittingDay: "2026-12-10", population: null, convened: true, today: "2026-12-02" })).toBeNull();
    expect(convocationDeadline({ sittingDay: "2026-12-01", population: null, convened: false, today: "2026-12-02" })).toBeNull();
    expect(convocationDeadline({ sittingDay: "2026-12-02", population: null, convened: false, today: "2026-12-02" })).not.toBeNull();
  });
});

describe("listPostingDeadline", () => {
  const held = { sittingDay: "2026-11-20", posted: false, examinedDeliberations: 3, today: "2026-12-02" };
  it("[deadlines]: a held sitting whose list is not posted is due a week after it", () => {
    expect(listPostingDeadline(held)).toMatchObject({ kind: "list-posting", label: "Afficher et mettre en ligne la liste des délibérations", dueDay: "2026-11-27" });
  });
  it("[deadlines]: nothing when posted, without deliberations, or before the sitting", () => {
    expect(listPostingDeadline({ ...held, posted: true })).toBeNull();
    expect(listPostingDeadline({ ...held, examinedDeliberations: 0 })).toBeNull();
    expect(listPostingDeadline({ ...held, sittingDay: "2026-12-03" })).toBeNull();
  });
  it("[deadlines]: an older sitting is judged by the compte rendu's eight days", () => {
    expect(listPostingDeadline({ ...held, sittingDay: "2019-03-28" })).toMatchObject({ label: "Afficher et mettre en ligne le compte rendu de la séance", dueDay: "2019-04-05" });
  });
});

describe("minutesDeadline", () => {
  const base = { sittingDay: "2026-10-15", nextSittingDay: "2026-12-10", today: "2026-12-02" };
  it("[deadlines]: a PV not written or in draft is to be submitted to the next sitting", () => {
    for (const status of ["NONE", "DRAFT"] as const) {
      expect(minutesDeadline({ ...base, minutes: { status, adoptedDay: null } })).toMatchObject({ kind: "minutes-submission", dueDay: "2026-12-10", source: "article L2121-15 du CGCT" });
    }
  });
  it("[deadlines]: a submitted PV is adopted at the next sitting; no next sitting, no date yet", () => {
    expect(minutesDeadline({ ...base, minutes: { status: "SUBMITTED", adoptedDay: null } })).toMatchObject({ kind: "minutes-adoption", dueDay: "2026-12-10" });
    // Submitted to a given sitting, it is due at that one, whichever is next.
    expect(minutesDeadline({ ...base, minutes: { status: "SUBMITTED", adoptedDay: null, approvingSittingDay: "2027-01-14" } })).toMatchObject({ kind: "minutes-adoption", dueDay: "2027-01-14" });
    expect(minutesDeadline({ ...base, nextSittingDay: null, minutes: { status: "SUBMITTED", adoptedDay: null } })).toMatchObject({ dueDay: null });
  });
  it("[deadlines]: an adopted PV is published within the week after its adoption, across a month end", () => {
    expect(minutesDeadline({ ...base, minutes: { status: "ADOPTED", adoptedDay: "2026-11-26" } })).toMatchObject({ kind: "minutes-publication", dueDay: "2026-12-03" });
    expect(minutesDeadline({ ...base, minutes: { status: "ADOPTED", adoptedDay: null } })).toMatchObject({ dueDay: null });
  });
  it("[deadlines]: nothing once published, for a sitting before July 2022, or one not held yet", () => {
    expect(minutesDeadline({ ...base, minutes: { status: "PUBLISHED", adoptedDay: "2026-11-26" } })).toBeNull();
    expect(minutesDeadline({ ...base, sittingDay: "2022-06-30", minutes: { status: "NONE", adoptedDay: null } })).toBeNull();
    expect(minutesDeadline({ ...base, sittingDay: "2026-12-05", minutes: { status: "NONE", adoptedDay: null } })).toBeNull();
  });
});

describe("actDeadline", () => {
  it("[deadlines]: a voted act is to be transmitted, or published when it needs no transmission; the law sets no date", () => {
    expect(actDeadline({ status: "VOTED", needsTransmission: true })).toMatchObject({ kind: "act-transmission", dueDay: null });
    expect(actDeadline({ status: "VOTED", needsTransmission: false })).toMatchObject({ kind: "act-publication", dueDay: null });
    expect(actDeadline({ status: "TRANSMITTED", needsTransmission: true })).toMatchObject({ kind: "act-publication" });
    for (const status of ["DRAFT", "WITHDRAWN", "PUBLISHED"] as const) expect(actDeadline({ status, needsTransmission: true })).toBeNull();
  });
});

describe("urgency", () => {
  it("[deadlines]: overdue, today, within a week, later, undated", () => {
    expect(deadlineUrgency("2026-11-30", "2026-12-02")).toBe("overdue");
    expect(deadlineUrgency("2026-12-02", "2026-12-02")).toBe("today");
    expect(deadlineUrgency("2026-12-09", "2026-12-02")).toBe("soon");
    expect(deadlineUrgency("2026-12-10", "2026-12-02")).toBe("later");
    expect(deadlineUrgency(null, "2026-12-02")).toBe("undated");
  });

  it("[deadlines]: the legal date in French", () => {
    expect(describeDueDay("2026-11-30", "2026-12-02")).toBe("en retard de 2 jours (date légale : 30 novembre 2026)");
    expect(describeDueDay("2026-12-01", "2026-12-02")).toBe("en retard de 1 jour (date légale : 1er décembre 2026)");
    expect(describeDueDay("2026-12-02", "2026-12-02")).toBe("aujourd'hui (date légale : 2 décembre 2026)");
    expect(describeDueDay("2026-12-05", "2026-12-02")).toBe("dans 3 jours (date légale : 5 décembre 2026)");
    expect(describeDueDay(null, "2026-12-02")).toBe("aucun délai légal");
  });

  it("[deadlines]: most urgent first, undated last, equals kept in order", () => {
    const rows = [
      { id: "a", dueDay: null },
      { id: "b", dueDay: "2026-12-10" },
      { id: "c", dueDay: "2026-11-01" },
      { id: "d", dueDay: "2026-12-10" },
      { id: "e", dueDay: null },
    ];
    expect(sortByUrgency(rows).map((row) => row.id)).toEqual(["c", "b", "d", "a", "e"]);
  });
});
