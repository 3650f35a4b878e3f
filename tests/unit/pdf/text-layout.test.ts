import { describe, expect, it } from "vitest";
import { markdownBlocks, parseInline } from "@/lib/pdf/markdown-blocks";
import { A4, MARGINS, fitsOnPage, pageLabel } from "@/lib/pdf/page-geometry";
import { wrapRuns, type Measure } from "@/lib/pdf/text-runs";
import { NBSP, NNBSP, frenchSpacing } from "@/lib/pdf/typography";

// Every character is 1 point wide (a space too): widths are character counts.
const monospace: Measure = (text) => Array.from(text).length;

describe("french spacing", () => {
  it("[pdf]: a colon takes a no-break space, ; ! ? a narrow one, guillemets a no-break space inside", () => {
    expect(frenchSpacing("OBJET : CAF")).toBe(`OBJET${NBSP}: CAF`);
    expect(frenchSpacing("territoire ; et ? oui !")).toBe(`territoire${NNBSP}; et${NNBSP}? oui${NNBSP}!`);
    expect(frenchSpacing("« Toute décision »")).toBe(`«${NBSP}Toute décision${NBSP}»`);
    expect(frenchSpacing("«Toute»")).toBe(`«${NBSP}Toute${NBSP}»`);
  });

  it("[pdf]: a URL's colon and a time stay as they are", () => {
    expect(frenchSpacing("https://registre.example.fr à 14h00")).toBe("https://registre.example.fr à 14h00");
  });
});

describe("line breaking", () => {
  it("[pdf]: lines never exceed the width and keep every word in order", () => {
    const text = "La Convention Territoriale Globale est une démarche stratégique partenariale";
    const lines = wrapRuns([{ text, style: "regular" }], monospace, 20);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(20);
    expect(lines.map((line) => line.words.map((word) => word.text).join(" ")).join(" ")).toBe(text);
  });

  it("[pdf]: a no-break space holds its neighbours on one line", () => {
    const lines = wrapRuns([{ text: `aaaa bbbbbbb${NBSP}:`, style: "regular" }], monospace, 10);
    expect(lines.map((line) => line.words.map((word) => word.text))).toEqual([["aaaa"], [`bbbbbbb${NBSP}:`]]);
  });

  it("[pdf]: a word wider than the line is cut rather than overflowing", () => {
    const lines = wrapRuns([{ text: "013-211300017-20220407-lmc1210471-DE-1-1", style: "regular" }], monospace, 16);
    expect(lines.every((line) => line.width <= 16)).toBe(true);
    expect(lines.flatMap((line) => line.words.map((word) => word.text)).join("")).toBe("013-211300017-20220407-lmc1210471-DE-1-1");
  });

  it("[pdf]: a change of style inside a word adds no space and marks the piece as joined", () => {
    const [line] = wrapRuns(
      [
        { text: "APPROUVER", style: "bold" },
        { text: "s la", style: "regular" },
      ],
      monospace,
      80,
    );
    expect(line?.words.map((word) => [word.text, word.style, word.x, word.joined])).toEqual([
      ["APPROUVER", "bold", 0, false],
      ["s", "regular", 9, true],
      ["la", "regular", 11, false],
    ]);
  });

  it("[pdf]: empty text gives no line", () => {
    expect(wrapRuns([{ text: "   ", style: "regular" }], monospace, 10)).toEqual([]);
  });
});

describe("markdown of reports", () => {
  it("[pdf]: bold, bullets, hard breaks and paragraphs become blocks", () => {
    const blocks = markdownBlocks(
      "Mes Chers Collègues,\n\n- **APPROUVER** la démarche ;\n- **AUTORISER** Madame Le Maire\n\nLigne un  \nLigne deux\nsuite",
    );
    expect(blocks.map((block) => block.kind)).toEqual(["paragraph", "bullet", "bullet", "paragraph"]);
    expect(blocks[1]?.lines[0]).toEqual([
      { text: "APPROUVER", style: "bold" },
      { text: " la démarche ;", style: "regular" },
    ]);
    expect(blocks[3]?.lines.map((line) => line.map((run) => run.text).join(""))).toEqual(["Ligne un", "Ligne deux suite"]);
  });

  it("[pdf]: an unmatched ** stays as text and escapes are removed", () => {
    expect(parseInline("a ** b \\*c")).toEqual([{ text: "a ** b *c", style: "regular" }]);
  });
});

describe("page geometry", () => {
  it("[pdf]: pages are numbered 1/3, 2/3, 3/3", () => {
    expect([0, 1, 2].map((index) => pageLabel(index, 3))).toEqual(["1/3", "2/3", "3/3"]);
  });

  it("[pdf]: a line fits only above the bottom margin", () => {
    expect(A4.width).toBeCloseTo(595.28);
    expect(fitsOnPage(MARGINS.bottom + 12, 12)).toBe(true);
    expect(fitsOnPage(MARGINS.bottom + 11, 12)).toBe(false);
  });
});
