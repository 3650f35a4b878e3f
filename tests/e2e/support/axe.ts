import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

// axe-core run in the page itself, on WCAG 2.1 A and AA: what every a11y test
// asserts on. Its source is evaluated once per document and only violations
// are gathered; @axe-core/playwright's extra blank page and results of every
// rule cost as much again per page, with no iframe here to justify them.

export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_SOURCE = readFileSync(path.join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");

export type SeriousViolation = { id: string; impact: string; help: string; targets: string[] };

/** The page's serious and critical violations, with the first five elements of each. */
export async function seriousViolations(page: Page): Promise<SeriousViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  }, WCAG_21_AA);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}
