import { describe, expect, it } from "vitest";
import { deriveExecutoryStatus, DomainError } from "@/lib/domain";

// The reference case: received by the prefecture on Monday 11 April, posted on 12 April 2022.
const received = new Date("2022-04-11T08:00:00Z");
const signed = new Date("2022-04-12T07:00:00Z");
const posted = new Date("2022-04-12T09:00:00Z");
const transmitted = new Date("2022-04-11T07:30:00Z");
const PARIS = "Europe/Paris";

describe("deriveExecutoryStatus", () => {
  it("[executory]: the reference act is executory since 12 April 2022, the later of posting and receipt", () => {
    const status = deriveExecutoryStatus({
      zone: PARIS,
      signedAt: signed,
      postedAt: posted,
      transmittedAt: transmitted,
      receivedAt: received,
      publishedAt: null,
    });
    expect(status.executory).toBe(true);
    expect(status.since).toEqual(posted);
    expect(status.label).toBe("Exécutoire depuis le 12 avril 2022");
    expect(status.steps).toEqual([
      { key: "SIGNED", label: "Acte signé", date: signed, done: true },
      { key: "POSTED", label: "Compte rendu affiché", date: posted, done: true },
      {
        key: "TRANSMITTED",
        label: "Acte transmis pour exercice du contrôle de légalité",
        date: transmitted,
        done: true,
      },
      { key: "PUBLISHED", label: "Publié en ligne", date: null, done: false },
    ]);
  });

  it("[executory]: when the receipt comes after publication, the act is executory from the receipt", () => {
    const publishedAt = new Date("2022-07-01T08:00:00Z");
    const receivedAt = new Date("2022-07-04T08:00:00Z");
    const status = deriveExecutoryStatus({ zone: PARIS, publishedAt, receivedAt, transmittedAt: null, postedAt: null, signedAt: null });
    expect(status.since).toEqual(receivedAt);
    expect(status.label).toBe("Exécutoire depuis le 4 juillet 2022");
  });

  it("[executory]: of publication and posting, the earlier makes the act public", () => {
    const publishedAt = new Date("2022-07-05T08:00:00Z");
    const postedAt = new Date("2022-07-02T08:00:00Z");
    const receivedAt = new Date("2022-07-01T08:00:00Z");
    expect(deriveExecutoryStatus({ zone: PARIS, publishedAt, postedAt, receivedAt }).since).toEqual(postedAt);
    // Publication is an instant: it counts from its local day (2 July), as the DATE columns do.
    expect(deriveExecutoryStatus({ zone: PARIS, publishedAt: postedAt, postedAt: publishedAt, receivedAt }).since).toEqual(new Date("2022-07-02T00:00:00Z"));
  });

  it("[executory]: a receipt without a recorded transmission date still marks the act as transmitted", () => {
    const status = deriveExecutoryStatus({ zone: PARIS, postedAt: posted, receivedAt: received });
    expect(status.steps.find((step) => step.key === "TRANSMITTED")).toMatchObject({ date: received, done: true });
    expect(status.executory).toBe(true);
  });

  it("[executory]: an act neither published nor posted is not executory, even when received", () => {
    const status = deriveExecutoryStatus({ zone: PARIS, signedAt: signed, transmittedAt: transmitted, receivedAt: received });
    expect(status).toMatchObject({
      executory: false,
      since: null,
      label: "Non exécutoire : ni publié en ligne ni affiché.",
    });
  });

  it("[executory]: a published act not yet transmitted is not executory when transmission is required", () => {
    expect(deriveExecutoryStatus({ zone: PARIS, publishedAt: posted }).label).toBe(
      "Non exécutoire : non transmis au contrôle de légalité.",
    );
  });

  it("[executory]: a transmitted act awaits the prefecture's receipt", () => {
    const status = deriveExecutoryStatus({ zone: PARIS, publishedAt: posted, transmittedAt: transmitted, receivedAt: null });
    expect(status.executory).toBe(false);
    expect(status.label).toBe("Non exécutoire : accusé de réception de la préfecture en attente.");
    expect(status.steps.find((step) => step.key === "TRANSMITTED")?.done).toBe(true);
  });

  it("[executory]: with nothing done, every missing condition is listed", () => {
    const status = deriveExecutoryStatus({ zone: PARIS });
    expect(status.label).toBe("Non exécutoire : ni publié en ligne ni affiché ; non transmis au contrôle de légalité.");
    expect(status.steps.map((step) => step.done)).toEqual([false, false, false, false]);
  });

  it("[executory]: an act outside L2131-2 is executory once public, without transmission", () => {
    const status = deriveExecutoryStatus({ zone: PARIS, publishedAt: posted, receivedAt: new Date("2022-05-01T08:00:00Z"), requiresTransmission: false });
    expect(status.executory).toBe(true);
    // Publication's day, as a DATE column holds it.
    expect(status.since).toEqual(new Date("2022-04-12T00:00:00Z"));
    expect(status.steps.map((step) => step.key)).toEqual(["SIGNED", "POSTED", "PUBLISHED"]);
    expect(deriveExecutoryStatus({ zone: PARIS, requiresTransmission: false }).label).toBe(
      "Non exécutoire : ni publié en ligne ni affiché.",
    );
  });

  it("[executory]: the « since » date is read in Paris: 31 March 2022 22:30 UTC is 1er avril", () => {
    const late = new Date("2022-03-31T22:30:00Z");
    expect(deriveExecutoryStatus({ zone: PARIS, publishedAt: late, receivedAt: late }).label).toBe("Exécutoire depuis le 1er avril 2022");
  });

  it("[executory]: publication counts from its day in the municipality's zone: 12 April 02:00 UTC is still 11 April in Martinique", () => {
    const publishedAt = new Date("2022-04-12T02:00:00Z");
    const receivedAt = new Date("2022-04-11T00:00:00Z");
    expect(deriveExecutoryStatus({ zone: "America/Martinique", publishedAt, receivedAt }).label).toBe("Exécutoire depuis le 11 avril 2022");
    expect(deriveExecutoryStatus({ zone: PARIS, publishedAt, receivedAt }).label).toBe("Exécutoire depuis le 12 avril 2022");
  });

  it("[executory]: an invalid date is refused, naming the step", () => {
    expect(() => deriveExecutoryStatus({ zone: PARIS, receivedAt: new Date("nope") })).toThrow(
      new DomainError("INVALID_DATE", "La date « réception en préfecture » n'est pas valide."),
    );
  });
});
