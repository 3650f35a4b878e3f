import { describe, expect, it } from "vitest";
import {
  addDays,
  atOrAboveThreshold,
  checkConvocationDelay,
  clearDaysBetween,
  convocationDelayAccepted,
  convocationDelayMessage,
  daysBetween,
  lastSendingDay,
  missingSummaryNotes,
  ordinaryClearDays,
  POPULATION_THRESHOLD,
  requiredClearDays,
  summaryNotesRequired,
} from "@/lib/domain";

describe("clear days", () => {
  it("[convocation]: the reference case, sent 1 April for 7 April 2022, has 5 clear days", () => {
    expect(clearDaysBetween("2022-04-01", "2022-04-07")).toBe(5);
  });

  it("[convocation]: clear days count across a month end, a year end and 29 February", () => {
    expect(clearDaysBetween("2022-01-28", "2022-02-03")).toBe(5);
    expect(clearDaysBetween("2021-12-29", "2022-01-04")).toBe(5);
    expect(clearDaysBetween("2024-02-26", "2024-03-02")).toBe(4);
    expect(clearDaysBetween("2023-02-26", "2023-03-02")).toBe(3);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2022-01-01", -1)).toBe("2021-12-31");
    expect(daysBetween("2022-03-31", "2022-03-01")).toBe(-30);
  });

  it("[convocation]: neither the day before nor the same day give a clear day", () => {
    expect(clearDaysBetween("2022-04-06", "2022-04-07")).toBe(0);
    expect(clearDaysBetween("2022-04-07", "2022-04-07")).toBe(0);
    expect(clearDaysBetween("2022-04-09", "2022-04-07")).toBe(0);
    expect(clearDaysBetween("2022-04-05", "2022-04-07")).toBe(1);
  });

  it("[convocation]: a change of clock time (last Sunday of March) does not lose a day", () => {
    expect(clearDaysBetween("2022-03-25", "2022-03-31")).toBe(5);
    expect(clearDaysBetween("2022-10-28", "2022-11-03")).toBe(5);
  });
});

describe("the 3,500 threshold", () => {
  it("[convocation]: 3,500 inhabitants and more, or unknown, take 5 clear days and summary notes", () => {
    expect(POPULATION_THRESHOLD).toBe(3500);
    for (const population of [3500, 143_000, null]) {
      expect(atOrAboveThreshold(population)).toBe(true);
      expect(ordinaryClearDays(population)).toBe(5);
      expect(summaryNotesRequired(population)).toBe(true);
    }
  });

  it("[convocation]: below 3,500 inhabitants, 3 clear days and no summary note required", () => {
    for (const population of [3499, 120, 0]) {
      expect(atOrAboveThreshold(population)).toBe(false);
      expect(ordinaryClearDays(population)).toBe(3);
      expect(summaryNotesRequired(population)).toBe(false);
    }
  });

  it("[convocation]: urgency brings the delay down to 1 clear day, whatever the population", () => {
    expect(requiredClearDays({ population: 143_000, urgent: true })).toBe(1);
    expect(requiredClearDays({ population: 800, urgent: true })).toBe(1);
    expect(requiredClearDays({ population: 800, urgent: false })).toBe(3);
    expect(requiredClearDays({ population: null, urgent: false })).toBe(5);
  });

  it("[convocation]: the last sending day keeps the clear days", () => {
    expect(lastSendingDay("2022-04-07", 5)).toBe("2022-04-01");
    expect(lastSendingDay("2022-03-02", 3)).toBe("2022-02-26");
    expect(clearDaysBetween(lastSendingDay("2022-03-02", 3), "2022-03-02")).toBe(3);
  });
});

describe("checkConvocationDelay", () => {
  const sitting = { sittingDay: "2022-04-07", population: 143_000 };

  it("[convocation]: the ordinary delay kept is accepted without a message", () => {
    const delay = checkConvocationDelay({ ...sitting, sentDay: "2022-04-01", urgent: false });
    expect(delay).toEqual({ clearDays: 5, ordinary: 5, status: "ok", lastOrdinaryDay: "2022-04-01", lastUrgentDay: "2022-04-05" });
    expect(convocationDelayAccepted(delay)).toBe(true);
    expect(convocationDelayMessage(delay)).toBeNull();
  });

  it("[convocation]: a short delay without urgency is refused, naming the last day allowed", () => {
    const delay = checkConvocationDelay({ ...sitting, sentDay: "2022-04-03", urgent: false });
    expect(delay.status).toBe("needs-urgency");
    expect(convocationDelayAccepted(delay)).toBe(false);
    expect(convocationDelayMessage(delay)).toBe(
      "Délai trop court : 3 jours francs avant la séance, la loi en demande 5 (envoi au plus tard le 1er avril 2022). Seule l'urgence, motivée, permet d'abréger le délai, jusqu'à un jour franc.",
    );
  });

  it("[convocation]: the same short delay with urgency is accepted, with the mayor's duty to report it", () => {
    const delay = checkConvocationDelay({ ...sitting, sentDay: "2022-04-05", urgent: true });
    expect(delay.status).toBe("urgent");
    expect(convocationDelayAccepted(delay)).toBe(true);
    expect(convocationDelayMessage(delay)).toMatch(/^Délai abrégé pour urgence : 1 jour franc avant la séance, au lieu de 5\. Le maire en rendra compte/);
  });

  it("[convocation]: less than one clear day is refused even in an emergency", () => {
    for (const sentDay of ["2022-04-06", "2022-04-07", "2022-04-08"]) {
      const delay = checkConvocationDelay({ ...sitting, sentDay, urgent: true });
      expect(delay.status).toBe("too-short");
      expect(convocationDelayAccepted(delay)).toBe(false);
      expect(convocationDelayMessage(delay)).toContain("envoi au plus tard le 5 avril 2022");
    }
  });

  it("[convocation]: a small commune's 3 clear days are enough; more than the delay is fine", () => {
    expect(checkConvocationDelay({ sittingDay: "2022-04-07", population: 900, sentDay: "2022-04-03", urgent: false }).status).toBe("ok");
    expect(checkConvocationDelay({ sittingDay: "2022-04-07", population: 900, sentDay: "2022-04-04", urgent: false }).status).toBe("needs-urgency");
    expect(checkConvocationDelay({ sittingDay: "2022-04-07", population: 900, sentDay: "2022-03-01", urgent: true }).status).toBe("ok");
  });
});

describe("missingSummaryNotes", () => {
  const items = [
    { position: 1, kind: "MINUTES_APPROVAL", summaryNote: null },
    { position: 2, kind: "DELIBERATION", summaryNote: "Note." },
    { position: 3, kind: "DELIBERATION", summaryNote: "  " },
    { position: 4, kind: "DELIBERATION", summaryNote: null },
    { position: 5, kind: "COMMUNICATION", summaryNote: null },
  ];
  it("[convocation]: from 3,500 inhabitants, each item put to deliberation needs its note", () => {
    expect(missingSummaryNotes(items, 3500)).toEqual([3, 4]);
    expect(missingSummaryNotes(items, null)).toEqual([3, 4]);
  });
  it("[convocation]: below 3,500 inhabitants, none is required", () => {
    expect(missingSummaryNotes(items, 3499)).toEqual([]);
  });
});
