import { describe, expect, it } from "vitest";
import { isInOffice } from "@/lib/domain";

describe("mandates", () => {
  it("[mandate]: in office from the first day to the last, both included; without an end, still in office", () => {
    const ended = { mandateStart: "2014-04-04", mandateEnd: "2020-07-03" };
    expect(isInOffice(ended, "2014-04-04")).toBe(true);
    expect(isInOffice(ended, "2020-07-03")).toBe(true);
    expect(isInOffice(ended, "2020-07-04")).toBe(false);
    expect(isInOffice(ended, "2014-04-03")).toBe(false);
    expect(isInOffice({ mandateStart: "2020-07-04", mandateEnd: null }, "2026-12-01")).toBe(true);
  });
});
