import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { attendanceLists } from "@/lib/extracts/sections/attendance";
import { createRegisterDocument } from "@/lib/extracts/sections/document";
import { demoNotice, documentHeading } from "@/lib/extracts/sections/heading";
import { namesSentence } from "@/lib/extracts/sections/names";
import { matterWording } from "@/lib/extracts/sections/report";
import { certifiedSeal } from "@/lib/extracts/sections/seal";
import { signatures } from "@/lib/extracts/sections/signatures";
import { presidencyLine, sittingLine } from "@/lib/extracts/sections/sitting";
import { namedVotes, tallyTable } from "@/lib/extracts/sections/vote";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";

// The blocks every document of the register shares (extract, list of
// deliberations, and the minutes, convocation and closing sheet to come),
// each drawn alone on a page and read back with poppler's pdftotext (its layout mode keeps a row of columns on one line).

const directory = mkdtempSync(path.join(tmpdir(), "registre-sections-"));

async function textOf(draw: (pdf: PdfComposer) => void | Promise<void>): Promise<string> {
  const pdf = await createRegisterDocument({ title: "Essai", author: "Commune", subject: "Essai", keywords: [] });
  await draw(pdf);
  const file = path.join(directory, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await pdf.finish({ runningHeader: "Essai" }).save());
  const result = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  if (result.error) throw result.error;
  // One space for every run of blanks (no-break spaces included) and around a colon (the layout mode
  // may drop the one before a lone digit), and the page number dropped.
  return result.stdout.replace(/[\u00a0\u202f\s]+/g, " ").replace(/ ?: ?(?!\/\/)/g, " : ").replace(/ ?1\/1 ?/, " ").trim();
}

const councillor = (firstName: string, lastName: string, civility: "MADAME" | "MONSIEUR", role: CouncillorRef["role"] = "COUNCILLOR"): CouncillorRef => ({
  id: `${firstName}-${lastName}`,
  civility,
  firstName,
  lastName,
  role,
  roleLabel: null,
});

const mayor = councillor("Sophie", "JOISSAINS", "MADAME", "MAYOR");
const boudon = councillor("Jacques", "BOUDON", "MONSIEUR");
const chazeau = councillor("Gérard", "CHAZEAU", "MONSIEUR");

describe("sections of the register's documents", () => {
  it("[pdf]: a list of names ends with a full stop, and an empty one reads NEANT", () => {
    expect(namesSentence([])).toBe("NEANT");
    expect(namesSentence([boudon, chazeau])).toBe("Monsieur Jacques BOUDON, Monsieur Gérard CHAZEAU.");
  });

  it("[pdf]: a matter is written with its label, and an unknown code as it is", () => {
    expect(matterWording("7.10")).toMatch(/^7\.10 \S/);
    expect(matterWording("9.99")).toBe("9.99");
  });

  it("[pdf]: the heading, the demo notice, the sitting and the presidency in both styles", async () => {
    const text = await textOf((pdf) => {
      documentHeading(pdf, [
        { text: "LISTE DES DÉLIBÉRATIONS", size: 14, spaceAfter: 4 },
        { text: "N° DL.2022-91", size: 13, spaceAfter: 10 },
      ]);
      demoNotice(pdf, "conseil municipal fictif.");
      sittingLine(pdf, { isPublic: false, startsAt: new Date("2022-04-07T12:00:00Z") }, "Europe/Paris");
      presidencyLine(pdf, mayor, "heading");
      presidencyLine(pdf, mayor, "line");
    });
    expect(text).toBe(
      "LISTE DES DÉLIBÉRATIONS N° DL.2022-91 DONNÉES DE DÉMONSTRATION : conseil municipal fictif. Séance à huis clos du 7 avril 2022 " +
        "Présidence de Sophie JOISSAINS, Maire Présidence de Sophie JOISSAINS, Maire",
    );
  });

  it("[pdf]: the attendance lists name each proxy's holder, say NEANT for none, and list the absent only when there are any", async () => {
    const lists = { present: [mayor, boudon], represented: [{ giver: chazeau, holder: boudon }], excused: [], absent: [] };
    const text = await textOf((pdf) => attendanceLists(pdf, lists));
    expect(text).toContain("Etaient Présents : Madame Sophie JOISSAINS, Monsieur Jacques BOUDON.");
    expect(text).toContain("Territoriales : Monsieur Gérard CHAZEAU à Monsieur Jacques BOUDON.");
    expect(text).toContain("Excusés sans pouvoir : NEANT");
    expect(text).not.toContain("Absents");
    expect(await textOf((pdf) => attendanceLists(pdf, { ...lists, absent: [chazeau] }))).toContain("Absents : Monsieur Gérard CHAZEAU.");
  });

  it("[pdf]: the tally prints its seven rows in the register's order, and the named votes their three lists", async () => {
    const tally = { presentAndRepresented: 50, present: 45, represented: 5, abstentions: 2, nonParticipation: 1, expressed: 47, votesFor: 40, votesAgainst: 7 };
    expect(await textOf((pdf) => tallyTable(pdf, tally))).toBe(
      "Présents et représentés : 50 Présents : 45 Abstentions : 2 Non participation : 1 Suffrages Exprimés : 47 Pour : 40 Contre : 7",
    );
    expect(await textOf((pdf) => namedVotes(pdf, { secret: false, against: [boudon], abstained: [], notVoting: [chazeau] }))).toBe(
      "Ont voté contre Monsieur Jacques BOUDON. Se sont abstenus NEANT N'ont pas pris part au vote Monsieur Gérard CHAZEAU.",
    );
    expect(await textOf((pdf) => namedVotes(pdf, { secret: true, against: [boudon], abstained: [], notVoting: [] }))).toBe(
      "Le vote ayant eu lieu au scrutin secret, les votes individuels ne sont pas nominatifs.",
    );
  });

  it("[pdf]: the signatures name the president, and the cosignatory with their title", async () => {
    const text = await textOf((pdf) => signatures(pdf, { president: mayor, cosignatory: boudon, cosignatoryTitle: "Le Conseiller Municipal délégué" }));
    expect(text).toContain("Ont signé Sophie JOISSAINS, Maire");
    expect(text).toContain("Le Conseiller Municipal délégué,");
    expect(text).toContain("Monsieur Jacques BOUDON");
  });

  it("[pdf]: the seal says what the document certifies, agreeing with its noun, and carries the code and the address", async () => {
    const seal = { kind: "certified" as const, signerName: "Ville d'Essai", issuedAt: new Date("2026-11-29T14:58:00Z"), verificationCode: "ABCD-EFGH-JKLM", verificationUrl: "https://example.fr/verifier?code=ABCD-EFGH-JKLM" };
    const text = await textOf((pdf) => certifiedSeal(pdf, seal, { certifies: "Liste certifiée conforme au registre", signed: "Signée" }, "Europe/Paris"));
    expect(text).toContain("Liste certifiée conforme au registre");
    expect(text).toContain("Signée électroniquement par Ville d'Essai");
    expect(text).toContain("le 29 novembre 2026 à 15h58 (heure de Paris)");
    expect(text).toContain("Code de vérification : ABCD-EFGH-JKLM");
    expect(text).toContain("Vérifiez ce document : https://example.fr/verifier?code=ABCD-EFGH-JKLM");
    const overseas = await textOf((pdf) => certifiedSeal(pdf, seal, { certifies: "Liste certifiée conforme au registre", signed: "Signée" }, "America/Martinique"));
    expect(overseas).toContain("le 29 novembre 2026 à 10h58 (heure de la Martinique)");
  });
});
