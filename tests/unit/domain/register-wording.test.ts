import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ATTENDANCE_HEADINGS, REGISTER_TITLE, registerTitle, SECRETARY_LABEL } from "@/lib/domain";

// The headings the page and the extract share are the reference extract's own words.
const reference = readFileSync("/work/shared/reference/aix-DL-2022-91.txt", "utf8").replace(/\*\*/g, "").replace(/\s+/g, " ");
// The reference sets no space before one colon; the register's typography puts one before every colon.
const asPrinted = (heading: string) => heading.replace(/ :$/, "");

describe("register wording", () => {
  it("[wording]: the title and the attendance headings are worded as the reference extract prints them", () => {
    expect(reference).toContain(`${REGISTER_TITLE} DE LA VILLE D'AIX EN PROVENCE`);
    expect(registerTitle("de la Ville d'Aix-en-Provence")).toBe("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA VILLE D'AIX-EN-PROVENCE");
    for (const heading of [ATTENDANCE_HEADINGS.present, ATTENDANCE_HEADINGS.represented, ATTENDANCE_HEADINGS.excused]) {
      expect(reference).toContain(asPrinted(heading));
    }
    expect(ATTENDANCE_HEADINGS.present).toBe("Etaient Présents :");
    expect(reference).toContain(`${SECRETARY_LABEL} : Madame Kayané BIANCO`);
  });
});
