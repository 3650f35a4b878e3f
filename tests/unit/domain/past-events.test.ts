import { describe, expect, it } from "vitest";
import { futureDayErrors, futureDayMessage, isFutureDay, sittingNotHeldMessage } from "@/lib/domain";

describe("past events", () => {
  it("[dates]: a day after today is in the future, today and before are not", () => {
    expect(isFutureDay("2027-01-15", "2026-12-01")).toBe(true);
    expect(isFutureDay("2026-12-01", "2026-12-01")).toBe(false);
    expect(isFutureDay("2026-11-30", "2026-12-01")).toBe(false);
  });

  it("[dates]: a reception on 15/01/2027 entered on 1/12/2026 is refused in French, naming today", () => {
    expect(futureDayErrors({ receivedAt: "2027-01-15", signedAt: "2026-11-20", postedAt: "" }, "2026-12-01")).toEqual({
      receivedAt: ["La date de réception en préfecture ne peut être postérieure à aujourd'hui (1er décembre 2026) : saisissez le jour où c'est arrivé."],
    });
  });

  it("[dates]: every past event is checked; missing and empty days are not", () => {
    const errors = futureDayErrors({ receivedAt: "2026-12-02", signedAt: "2026-12-02", postedAt: "2026-12-02", listPostedAt: "2026-12-02" }, "2026-12-01");
    expect(Object.keys(errors)).toEqual(["receivedAt", "signedAt", "postedAt", "listPostedAt"]);
    expect(futureDayErrors({ postedAt: null }, "2026-12-01")).toEqual({});
    expect(futureDayMessage("listPostedAt", "2026-12-01")).toMatch(/^La date d'affichage de la liste des délibérations ne peut être postérieure/);
  });

  it("[dates]: a vote waits for its sitting's day", () => {
    expect(sittingNotHeldMessage("2027-01-15", "2026-12-01")).toBe("La séance du 15 janvier 2027 n'a pas encore eu lieu : le vote s'enregistre le jour de la séance ou après.");
    expect(sittingNotHeldMessage("2026-12-01", "2026-12-01")).toBeNull();
  });
});
