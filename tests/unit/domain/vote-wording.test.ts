import { describe, expect, it } from "vitest";
import { agree, countOf } from "@/lib/domain/plural";
import { REGISTER_TALLY_ROWS, sentenceCase, TALLY_FIGURES, TALLY_LABELS, VOTE_CHOICE_LABELS, voteChoiceInSentence } from "@/lib/domain/vote-wording";

// The tally of the reference extract (Aix-en-Provence, DL.2022-91), line by line.
const REFERENCE_TALLY = `Présents et représentés\t: 47
Présents\t: 40
Abstentions\t: 0
Non participation\t: 0
Suffrages Exprimés\t: 47
Pour\t: 47
Contre\t: 0`;

describe("vote wording", () => {
  it("[wording]: the register's tally rows are the reference extract's, in its order and spelling", () => {
    const labels = REGISTER_TALLY_ROWS.map((key) => TALLY_LABELS[key]);
    expect(labels).toEqual(["Présents et représentés", "Présents", "Abstentions", "Non participation", "Suffrages Exprimés", "Pour", "Contre"]);
    const rows = REFERENCE_TALLY.split("\n").flatMap((line) => {
      const match = /^([^\t:]+)\t: \d+$/.exec(line.trim());
      return match ? [match[1]!.trim()] : [];
    });
    expect(rows).toEqual(labels);
  });

  it("[wording]: every figure has one label, proxies included, and pages write them in sentence case", () => {
    expect(TALLY_FIGURES).toHaveLength(Object.keys(TALLY_LABELS).length);
    expect(TALLY_LABELS.represented).toBe("Pouvoirs");
    expect(REGISTER_TALLY_ROWS).not.toContain("represented");
    expect(sentenceCase(TALLY_LABELS.expressed)).toBe("Suffrages exprimés");
    expect(sentenceCase(TALLY_LABELS.nonParticipation)).toBe("Non participation");
  });

  it("[wording]: a choice reads capitalised in a form and lower-case inside a sentence", () => {
    expect(VOTE_CHOICE_LABELS).toEqual({ FOR: "Pour", AGAINST: "Contre", ABSTENTION: "Abstention", NOT_VOTING: "Ne prend pas part au vote" });
    expect(voteChoiceInSentence("FOR")).toBe("pour");
    expect(voteChoiceInSentence("NOT_VOTING")).toBe("ne prend pas part au vote");
  });

  it("[plural]: 0 and 1 take the singular, the word alone or with its count", () => {
    expect([0, 1, 2].map((count) => agree(count, "délivré"))).toEqual(["délivré", "délivré", "délivrés"]);
    expect(agree(3, "correspond", "correspondent")).toBe("correspondent");
    expect(countOf(2, "événement")).toBe("2 événements");
    expect(countOf(1, "jour")).toBe("1 jour");
  });
});
