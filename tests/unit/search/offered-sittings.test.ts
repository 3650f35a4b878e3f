import { describe, expect, it } from "vitest";
import { offeredSittings, RECENT_SITTINGS_OFFERED, type SittingFilterOption } from "@/lib/search/offered-sittings";

// Twenty years of sittings, newest first, three a year: what the cached filter options hold.
const archive: SittingFilterOption[] = Array.from({ length: 60 }, (_, i) => {
  const year = 2025 - Math.floor(i / 3);
  return { value: `s-${i}`, label: `séance ${i} (${year})`, year };
});
const values = (offered: { sittings: SittingFilterOption[] }) => offered.sittings.map((sitting) => sitting.value);

describe("the sittings the search form offers", () => {
  it("without a year, offers the newest, and says so", () => {
    const offered = offeredSittings(archive, {});
    expect(values(offered)).toEqual(archive.slice(0, RECENT_SITTINGS_OFFERED).map((sitting) => sitting.value));
    expect(offered.scope).toEqual({ recent: RECENT_SITTINGS_OFFERED });
  });

  it("with a year, offers that year's sittings", () => {
    const offered = offeredSittings(archive, { year: 2010 });
    expect(offered.sittings.map((sitting) => sitting.year)).toEqual([2010, 2010, 2010]);
    expect(offered.scope).toEqual({ year: 2010 });
  });

  it("keeps the chosen sitting, in its place, when it is not among them", () => {
    const old = archive[40]!;
    expect(values(offeredSittings(archive, { chosen: old.value })).at(-1)).toBe(old.value);
    const otherYear = offeredSittings(archive, { year: 2024, chosen: archive[0]!.value });
    expect(values(otherYear)).toEqual([archive[0]!.value, "s-3", "s-4", "s-5"]);
    // Already offered: not twice.
    expect(values(offeredSittings(archive, { chosen: archive[1]!.value }))).toHaveLength(RECENT_SITTINGS_OFFERED);
  });

  it("offers every sitting of a small archive, with nothing to say", () => {
    const offered = offeredSittings(archive.slice(0, 5), {});
    expect(offered.sittings).toHaveLength(5);
    expect(offered.scope).toEqual({ all: true });
  });

  it("ignores a chosen sitting it does not know", () => {
    expect(values(offeredSittings(archive, { year: 2025, chosen: "unknown" }))).toEqual(["s-0", "s-1", "s-2"]);
  });
});
