import { describe, expect, it } from "vitest";
import { countWithVerb, REJECTED_NOT_EXECUTORY, REJECTED_NOT_TRANSMITTED, withClosingPunctuation } from "@/lib/domain";

describe("countWithVerb", () => {
  const matters = (count: number) =>
    countWithVerb(count, { none: "Aucune matière", singular: "matière" }, { singular: "correspond", plural: "correspondent" });

  it("[plural]: no \"0 matière correspond\": none, one and several agree with their verb", () => {
    expect([0, 1, 2, 31].map(matters)).toEqual([
      "Aucune matière ne correspond",
      "1 matière correspond",
      "2 matières correspondent",
      "31 matières correspondent",
    ]);
  });

  it("[plural]: \"ne\" elides before a vowel", () => {
    expect(countWithVerb(0, { none: "Aucun élu", singular: "élu" }, { singular: "a voté", plural: "ont voté" })).toBe("Aucun élu n'a voté");
    expect(countWithVerb(3, { none: "Aucun élu", singular: "élu" }, { singular: "a voté", plural: "ont voté" })).toBe("3 élus ont voté");
  });
});

describe("withClosingPunctuation", () => {
  it("[wording]: a title typed with its own comma gets one comma, not two", () => {
    expect(withClosingPunctuation("L'adjoint ou le conseiller municipal délégué,", ",")).toBe("L'adjoint ou le conseiller municipal délégué,");
    expect(withClosingPunctuation("L'adjoint ou le conseiller municipal délégué", ",")).toBe("L'adjoint ou le conseiller municipal délégué,");
    expect(withClosingPunctuation("  La secrétaire de séance , ;  ", ",")).toBe("La secrétaire de séance,");
    expect(withClosingPunctuation("Fait à Aix-en-Provence.", ".")).toBe("Fait à Aix-en-Provence.");
  });
});

describe("rejected acts", () => {
  it("[executory]: a rejected act is said not transmitted and not executory", () => {
    expect(REJECTED_NOT_TRANSMITTED).toMatch(/rejeté.*n'a pas été transmis au contrôle de légalité.*pas de caractère exécutoire/);
    expect(REJECTED_NOT_EXECUTORY).toMatch(/rejeté.*pas de caractère exécutoire/);
  });
});
