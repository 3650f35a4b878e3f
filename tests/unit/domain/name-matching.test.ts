import { describe, expect, it } from "vitest";
import { foldText, isCivilityWord, isMayorReference, matchName, nameKey, nameWords, stripCivility, type MatchableCouncillor } from "@/lib/domain";

// Names as minutes of the 2000s–2020s write them, against a council's roll.

const council: MatchableCouncillor[] = [
  { id: "dupont", firstName: "Claude", lastName: "DUPONT", civility: "MONSIEUR", role: "MAYOR" },
  { id: "laurent", firstName: "Jean-Pierre", lastName: "LAURENT", civility: "MONSIEUR" },
  { id: "legendre", firstName: "Dominique", lastName: "LEGENDRE", civility: "MONSIEUR" },
  { id: "louis", firstName: "Christophe", lastName: "LOUIS DIT GUERIN", civility: "MONSIEUR" },
  { id: "augey", firstName: "Dominique", lastName: "AUGÉY", civility: "MADAME" },
  { id: "sicard", firstName: "Marie-Pierre", lastName: "SICARD - DESNUELLE", civility: "MADAME" },
  { id: "jimenez", firstName: "Delphine", lastName: "JIMENEZ-GRENIER", civility: "MADAME" },
  { id: "leblond", firstName: "Jean-Luc", lastName: "LEBLOND", civility: "MONSIEUR" },
  { id: "martin-paul", firstName: "Paul", lastName: "MARTIN", civility: "MONSIEUR" },
  { id: "martin-anne", firstName: "Anne", lastName: "MARTIN", civility: "MADAME" },
  { id: "gaucher-yves", firstName: "Yves", lastName: "GAUCHER", civility: "MONSIEUR" },
  { id: "gaucher-alain", firstName: "Alain", lastName: "GAUCHER", civility: "MONSIEUR" },
  { id: "meynet", firstName: "Sophie", lastName: "MEYNET DE CACQUERAY", civility: "MADAME" },
  { id: "dalmeida", firstName: "Christian", lastName: "D'ALMEIDA" },
];

const id = (written: string, councillors = council) => matchName(written, councillors).councillorId;

describe("name matching", () => {
  it("[names]: civilities and titles are not part of the name, and say the gender when they can", () => {
    expect(stripCivility("Monsieur Claude DUPONT")).toEqual({ name: "Claude DUPONT", civility: "MONSIEUR", plural: false });
    expect(stripCivility("Mme Brigitte DIERICX")).toEqual({ name: "Brigitte DIERICX", civility: "MADAME", plural: false });
    expect(stripCivility("Mlle Régine LESAGE").civility).toBe("MADAME");
    expect(stripCivility("Mademoiselle Régine LESAGE").name).toBe("Régine LESAGE");
    expect(stripCivility("M. BRARD").name).toBe("BRARD");
    expect(stripCivility("M JEUSSE Loïc")).toEqual({ name: "JEUSSE Loïc", civility: "MONSIEUR", plural: false });
    expect(stripCivility("M.DUPONT").name).toBe("DUPONT");
    expect(stripCivility("Maître LAURENT")).toEqual({ name: "LAURENT", civility: null, plural: false });
    expect(stripCivility("Me LAURENT").name).toBe("LAURENT");
    expect(stripCivility("Docteur Dominique LEGENDRE").name).toBe("Dominique LEGENDRE");
    expect(stripCivility("Dr. LEGENDRE").name).toBe("LEGENDRE");
    expect(stripCivility("Professeur TOURNESOL").name).toBe("TOURNESOL");
    expect(stripCivility("Madame le Docteur Anne MARTIN")).toEqual({ name: "Anne MARTIN", civility: "MADAME", plural: false });
    expect(stripCivility("Monsieur le Maire").name).toBe("le Maire");
    expect(stripCivility("la Monsieur X").name).toBe("la Monsieur X");
    expect(stripCivility("Messieurs JAILLARD")).toEqual({ name: "JAILLARD", civility: "MONSIEUR", plural: true });
    expect(stripCivility("MM. PINTA")).toEqual({ name: "PINTA", civility: "MONSIEUR", plural: true });
    expect(stripCivility("Ms PICHOUX Patrick")).toEqual({ name: "PICHOUX Patrick", civility: "MONSIEUR", plural: true });
    expect(stripCivility("Mesdames LAMBARD")).toEqual({ name: "LAMBARD", civility: "MADAME", plural: true });
    expect(stripCivility("Mmes et MM. Claire HUGUES")).toEqual({ name: "Claire HUGUES", civility: null, plural: true });
    expect(stripCivility("Mesdames et Messieurs Bruno RABUSSIER").name).toBe("Bruno RABUSSIER");
    expect(stripCivility("Monsieur")).toEqual({ name: "", civility: "MONSIEUR", plural: false });
    expect(stripCivility("  Claude DUPONT ")).toEqual({ name: "Claude DUPONT", civility: null, plural: false });
    expect(["Mme", "MM.", "Maître", "dr", "M", "Mlle"].every(isCivilityWord)).toBe(true);
    expect(["Marie", "Mairie", "Le"].some(isCivilityWord)).toBe(false);
    // A first name that begins like a civility stays whole.
    expect(stripCivility("Maryse MEUNIER").name).toBe("Maryse MEUNIER");
  });

  it("[names]: folding keeps one character for one, accents and case aside", () => {
    expect(foldText("Élodie AUGÉY")).toBe("elodie augey");
    expect(foldText("Œuvre")).toBe("œuvre");
    expect(foldText("A😀b")).toBe("a😀b");
    expect(foldText("Élodie AUGÉY").length).toBe("Élodie AUGÉY".length);
    expect(nameWords("d'Estienne J.-P.")).toEqual(["D", "ESTIENNE", "J", "P"]);
    expect(nameKey("Monsieur Jean-Pierre  Martin")).toBe(nameKey("JEAN PIERRE MARTIN"));
    expect(nameKey("MARTIN Jean-Pierre")).not.toBe(nameKey("Jean-Pierre MARTIN"));
  });

  it("[names]: « le Maire » designates the mayor", () => {
    expect(isMayorReference("M. le Maire")).toBe(true);
    expect(isMayorReference("Madame la Maire")).toBe(true);
    expect(isMayorReference("Maire")).toBe(true);
    expect(isMayorReference("Monsieur MAIRET")).toBe(false);
    expect(matchName("Monsieur le Maire", council)).toEqual({ councillorId: "dupont", candidateIds: ["dupont"], how: "mayor" });
    // A mayor of the other civility, or none on the roll: no one.
    expect(matchName("Madame le Maire", council)).toEqual({ councillorId: null, candidateIds: [], how: null });
    expect(matchName("le Maire", council.slice(1))).toEqual({ councillorId: null, candidateIds: [], how: null });
  });

  it("[names]: the full name in either order, accents, case and dashes aside", () => {
    expect(matchName("Monsieur Claude DUPONT", council)).toEqual({ councillorId: "dupont", candidateIds: ["dupont"], how: "exact" });
    expect(id("DUPONT Claude")).toBe("dupont");
    expect(id("Madame Dominique AUGEY")).toBe("augey");
    expect(id("dominique augéy")).toBe("augey");
    expect(id("Madame Marie-Pierre SICARD - DESNUELLE")).toBe("sicard");
    expect(id("Marie Pierre SICARD-DESNUELLE")).toBe("sicard");
    expect(id("Delphine JIMENEZGRENIER")).toBe("jimenez");
    expect(id("Madame Sophie MEYNET DE CACQUERAY")).toBe("meynet");
    expect(id("Christian D’ALMEIDA")).toBe("dalmeida");
  });

  it("[names]: the surname alone, the civility telling two namesakes apart", () => {
    expect(matchName("DAGORT", council)).toEqual({ councillorId: null, candidateIds: [], how: null });
    expect(matchName("Monsieur LOUIS DIT GUERIN", council)).toEqual({ councillorId: "louis", candidateIds: ["louis"], how: "surname" });
    expect(id("Maître LAURENT")).toBe("laurent");
    expect(id("Docteur LEGENDRE")).toBe("legendre");
    expect(id("Monsieur MARTIN")).toBe("martin-paul");
    expect(id("Mme MARTIN")).toBe("martin-anne");
    // Without a civility, two MARTIN: no guess, both offered.
    expect(matchName("MARTIN", council)).toEqual({ councillorId: null, candidateIds: ["martin-paul", "martin-anne"], how: "surname" });
    expect(matchName("Messieurs GAUCHER", council)).toEqual({ councillorId: null, candidateIds: ["gaucher-yves", "gaucher-alain"], how: "surname" });
  });

  it("[names]: initials and shortened given names, before or after the surname", () => {
    expect(matchName("J.-P. LAURENT", council)).toEqual({ councillorId: "laurent", candidateIds: ["laurent"], how: "initials" });
    expect(id("J.P LAURENT")).toBe("laurent");
    expect(id("JP LAURENT")).toBe("laurent");
    expect(id("J. LAURENT")).toBe("laurent");
    expect(id("Jean LAURENT")).toBe("laurent");
    expect(id("LAURENT J.-P.")).toBe("laurent");
    expect(id("D. LEGENDRE")).toBe("legendre");
    expect(id("Ch. D'ALMEIDA")).toBe("dalmeida");
    expect(id("Y. GAUCHER")).toBe("gaucher-yves");
    // Initials that fit no given name: not this councillor.
    expect(id("P. LAURENT")).toBeNull();
    expect(id("Jean-Pierre Paul LAURENT")).toBeNull();
  });

  it("[names]: a near spelling or another first name is only offered, never chosen", () => {
    expect(matchName("Monsieur Jean-Luc LEBOND", council)).toEqual({ councillorId: null, candidateIds: ["leblond"], how: "approximate" });
    expect(matchName("LEBLON", council)).toEqual({ councillorId: null, candidateIds: ["leblond"], how: "approximate" });
    expect(matchName("Pierre LEGENDRE", council)).toEqual({ councillorId: null, candidateIds: ["legendre"], how: "same-surname" });
    // Short names are not stretched: "PINTO" is not "PINTA".
    expect(matchName("BELZ", [{ id: "belt", firstName: "Jean", lastName: "BELT" }]).candidateIds).toEqual([]);
  });

  it("[names]: a civility that fits no one is the document's slip: the names that fit are offered", () => {
    expect(matchName("Madame Claude DUPONT", council)).toEqual({ councillorId: null, candidateIds: ["dupont"], how: "exact" });
    expect(matchName("Monsieur Nadia NOBODY", council)).toEqual({ councillorId: null, candidateIds: [], how: null });
    expect(matchName("Madame", council)).toEqual({ councillorId: null, candidateIds: [], how: null });
  });

  it("[names]: only the councillors in office on the sitting's day are considered", () => {
    const roll: MatchableCouncillor[] = [
      { id: "father", firstName: "Jean", lastName: "MARTIN", mandateStart: "1995-06-18", mandateEnd: "2008-03-15" },
      { id: "son", firstName: "Jean", lastName: "MARTIN", mandateStart: "2008-03-16", mandateEnd: null },
      { id: "undated", firstName: "Anne", lastName: "DURAND" },
    ];
    expect(matchName("Jean MARTIN", roll, { day: "2003-03-27" }).councillorId).toBe("father");
    expect(matchName("Jean MARTIN", roll, { day: "2010-01-01" }).councillorId).toBe("son");
    expect(matchName("Jean MARTIN", roll).candidateIds).toEqual(["father", "son"]);
    expect(matchName("Jean MARTIN", [{ ...roll[0]!, mandateEnd: undefined }], { day: "2010-01-01" }).councillorId).toBe("father");
    expect(matchName("DURAND", roll, { day: "2010-01-01" }).councillorId).toBe("undated");
    expect(matchName("Jean MARTIN", roll, { day: null }).councillorId).toBeNull();
  });
});
