import { describe, expect, it } from "vitest";
import { stillStanding } from "@/components/forms/still-standing";

describe("stillStanding", () => {
  const refused = { votesFor: "3", choices: { a: "AGAINST", b: "FOR" }, opening: [{ status: "PRESENT" }] };
  const errors = { votesFor: ["Pour : saisissez un nombre entier."], "choices.a": ["Plusieurs votes…"], "opening.0.status": ["Absent ?"], tally: ["Décompte incohérent."], _form: ["Il manque à la liste : X."] };

  it("[forms]: every error holds while nothing changes", () => {
    expect(stillStanding(errors, refused, refused)).toBe(errors);
    expect(stillStanding(errors, refused, structuredClone(refused))).toEqual(errors);
  });

  it("[forms]: a field's error goes when that field changes; errors on the whole form go at any change", () => {
    expect(stillStanding(errors, refused, { ...refused, votesFor: "4" })).toEqual({ "choices.a": ["Plusieurs votes…"], "opening.0.status": ["Absent ?"] });
    expect(stillStanding(errors, refused, { ...refused, choices: { a: "FOR", b: "FOR" } })).toEqual({ votesFor: ["Pour : saisissez un nombre entier."], "opening.0.status": ["Absent ?"] });
    expect(stillStanding(errors, refused, { ...refused, opening: [{ status: "ABSENT" }] })).toEqual({ votesFor: ["Pour : saisissez un nombre entier."], "choices.a": ["Plusieurs votes…"] });
  });
});
