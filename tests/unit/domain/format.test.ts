import { describe, expect, it } from "vitest";
import {
  civilityLabel,
  DomainError,
  formatCouncillorName,
  formatDateFr,
  formatDateShortFr,
  formatProxy,
  formatTimeFr,
  formatWeekdayDateFr,
  roleLabel,
  timeZoneLabel,
} from "@/lib/domain";
import type { Civility, CouncillorRole } from "@/lib/domain";

describe("formatDateFr", () => {
  it("[format]: the sitting date reads « 7 avril 2022 »", () => {
    expect(formatDateFr("2022-04-07")).toBe("7 avril 2022");
    expect(formatDateFr(new Date("2022-04-07T12:00:00Z"), "Europe/Paris")).toBe("7 avril 2022");
  });

  it("[format]: the first of the month reads « 1er »", () => {
    expect(formatDateFr("2022-04-01")).toBe("1er avril 2022");
    expect(formatDateFr("2022-04-11")).toBe("11 avril 2022");
    expect(formatDateFr("2022-04-21")).toBe("21 avril 2022");
  });

  it("[format]: 2022-04-06T22:30:00Z is 7 avril 2022 in Paris", () => {
    expect(formatDateFr(new Date("2022-04-06T22:30:00Z"), "Europe/Paris")).toBe("7 avril 2022");
    expect(formatDateFr(new Date("2022-04-07T02:30:00Z"), "America/Martinique")).toBe("6 avril 2022");
  });

  it("[format]: every month has its French name, with accents", () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      formatDateFr(`2022-${String(index + 1).padStart(2, "0")}-15`).split(" ")[1],
    );
    expect(months).toEqual([
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ]);
  });

  it("[format]: a malformed date string is refused", () => {
    expect(() => formatDateFr("07/04/2022")).toThrow(DomainError);
  });
});

describe("formatting without a zone", () => {
  it("[format]: a day needs no zone, an instant does: the day it falls on depends on it", () => {
    expect(formatDateFr("2022-04-07")).toBe("7 avril 2022");
    expect(() => (formatDateFr as unknown as (value: Date) => string)(new Date("2022-04-07T12:00:00Z"))).toThrow(/time zone/);
    expect(() => (formatDateFr as (value: string) => string)("2022-04-07T12:00:00Z")).toThrow(/time zone/);
  });
});

describe("timeZoneLabel", () => {
  it("[format]: a seal names its clock: Paris, the overseas departments by their French name, any other by its IANA name", () => {
    expect(timeZoneLabel("Europe/Paris")).toBe("heure de Paris");
    expect(timeZoneLabel("America/Martinique")).toBe("heure de la Martinique");
    expect(timeZoneLabel("Indian/Reunion")).toBe("heure de La Réunion");
    expect(timeZoneLabel("Asia/Tokyo")).toBe("heure locale (Asia/Tokyo)");
  });
});

describe("formatDateShortFr", () => {
  it("[format]: the display date reads « 12/04/2022 », zero-padded", () => {
    expect(formatDateShortFr("2022-04-12")).toBe("12/04/2022");
    expect(formatDateShortFr("2022-01-05")).toBe("05/01/2022");
  });

  it("[format]: reads the Paris day of an instant", () => {
    expect(formatDateShortFr(new Date("2021-12-31T23:30:00Z"), "Europe/Paris")).toBe("01/01/2022");
  });
});

describe("formatWeekdayDateFr", () => {
  it("[format]: the reception date reads « lundi 11 avril 2022 »", () => {
    expect(formatWeekdayDateFr("2022-04-11")).toBe("lundi 11 avril 2022");
  });

  it("[format]: the weekday is the Paris one, and « 1er » is kept", () => {
    expect(formatWeekdayDateFr(new Date("2022-03-31T22:30:00Z"), "Europe/Paris")).toBe("vendredi 1er avril 2022");
  });

  it("[format]: a whole week gets the seven French day names", () => {
    const days = ["2022-04-10", "2022-04-11", "2022-04-12", "2022-04-13", "2022-04-14", "2022-04-15", "2022-04-16"];
    expect(days.map((day) => formatWeekdayDateFr(day).split(" ")[0])).toEqual([
      "dimanche",
      "lundi",
      "mardi",
      "mercredi",
      "jeudi",
      "vendredi",
      "samedi",
    ]);
  });
});

describe("formatTimeFr", () => {
  it("[format]: 14:00 in Paris reads « 14h00 », whatever the server's zone", () => {
    expect(formatTimeFr(new Date("2022-04-07T12:00:00Z"), "Europe/Paris")).toBe("14h00");
    expect(formatTimeFr(new Date("2022-04-07T12:00:00Z"), "Indian/Reunion")).toBe("16h00");
    expect(formatTimeFr("2022-04-07T14:00:00+02:00", "Europe/Paris")).toBe("14h00");
  });

  it("[format]: winter time is UTC+1, and minutes are zero-padded, hours are not", () => {
    expect(formatTimeFr(new Date("2022-01-10T08:05:00Z"), "Europe/Paris")).toBe("9h05");
  });

  it("[format]: a plain date is midnight, « 0h00 »", () => {
    expect(formatTimeFr("2022-04-07", "Europe/Paris")).toBe("0h00");
  });
});

describe("civilityLabel", () => {
  it("[format]: civilities read Monsieur and Madame", () => {
    expect(civilityLabel("MONSIEUR")).toBe("Monsieur");
    expect(civilityLabel("MADAME")).toBe("Madame");
  });

  it("[format]: a civility outside the model is refused", () => {
    expect(() => civilityLabel("MX" as Civility)).toThrow(DomainError);
  });
});

describe("formatCouncillorName", () => {
  it("[format]: the mayor reads « Madame Sophie JOISSAINS »", () => {
    expect(formatCouncillorName({ civility: "MADAME", firstName: "Sophie", lastName: "Joissains" })).toBe(
      "Madame Sophie JOISSAINS",
    );
  });

  it("[format]: last names keep accents and hyphens in capitals", () => {
    expect(formatCouncillorName({ civility: "MONSIEUR", firstName: "Gérard", lastName: "Bramoullé" })).toBe(
      "Monsieur Gérard BRAMOULLÉ",
    );
    expect(formatCouncillorName({ civility: "MADAME", firstName: "Karima", lastName: "Zerkani-Raynal" })).toBe(
      "Madame Karima ZERKANI-RAYNAL",
    );
    expect(formatCouncillorName({ civility: "MADAME", firstName: "Marie-Pierre", lastName: "SICARD - DESNUELLE" })).toBe(
      "Madame Marie-Pierre SICARD - DESNUELLE",
    );
  });

  it("[format]: the civility can be left out, and stray spaces are trimmed", () => {
    expect(
      formatCouncillorName({ civility: "MADAME", firstName: " Kayané ", lastName: " Bianco " }, { withCivility: false }),
    ).toBe("Kayané BIANCO");
    expect(formatCouncillorName({ civility: "MADAME", firstName: "Kayané", lastName: "Bianco" }, {})).toBe(
      "Madame Kayané BIANCO",
    );
  });
});

describe("roleLabel", () => {
  it.each([
    ["MAYOR", "MADAME", "Maire"],
    ["MAYOR", "MONSIEUR", "Maire"],
    ["DEPUTY_MAYOR", "MONSIEUR", "Adjoint"],
    ["DEPUTY_MAYOR", "MADAME", "Adjointe"],
    ["DELEGATED_COUNCILLOR", "MONSIEUR", "Conseiller municipal délégué"],
    ["DELEGATED_COUNCILLOR", "MADAME", "Conseillère municipale déléguée"],
    ["COUNCILLOR", "MONSIEUR", "Conseiller municipal"],
    ["COUNCILLOR", "MADAME", "Conseillère municipale"],
  ] as const)("[format]: role %s for %s reads « %s »", (role, civility, label) => {
    expect(roleLabel(role, civility)).toBe(label);
  });

  it("[format]: a role outside the model is refused", () => {
    expect(() => roleLabel("PREFECT" as CouncillorRole, "MADAME")).toThrow(DomainError);
  });
});

describe("formatProxy", () => {
  it("[format]: a proxy reads « giver à holder », as on the extract", () => {
    expect(formatProxy("Madame Laurence ANGELETTI", "Monsieur Pierre-Paul CALENDINI")).toBe(
      "Madame Laurence ANGELETTI à Monsieur Pierre-Paul CALENDINI",
    );
  });
});
