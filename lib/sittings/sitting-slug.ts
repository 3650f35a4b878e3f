import { isCalendarDate, localDay } from "@/lib/domain/calendar";
import { isCalendarDay } from "@/lib/validations/request-params";

// A sitting's address is its day in Paris ("2022-04-07"); a second sitting on the
// same day gets "-2", a third "-3", in the order they opened.
const SITTING_SLUG = /^(\d{4})-(\d{2})-(\d{2})(?:-([2-9]|[1-9]\d))?$/;

export type SittingSlug = { day: string; rank: number };

export function parseSittingSlug(slug: string): SittingSlug | null {
  const match = SITTING_SLUG.exec(slug);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) || !isCalendarDay(day)) return null;
  return { day, rank: match[4] ? Number(match[4]) : 1 };
}

export function formatSittingSlug({ day, rank }: SittingSlug): string {
  return rank === 1 ? day : `${day}-${rank}`;
}

type Opening = { id: string; startsAt: Date };

/** The slug of every sitting given, ranking sittings that share a day by their opening time. */
export function assignSittingSlugs(sittings: readonly Opening[], zone: string): Map<string, string> {
  const byDay = new Map<string, Opening[]>();
  for (const sitting of sittings) {
    const day = localDay(sitting.startsAt, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), sitting]);
  }
  const slugs = new Map<string, string>();
  for (const [day, sameDay] of byDay) {
    sameDay
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
      .forEach((sitting, index) => slugs.set(sitting.id, formatSittingSlug({ day, rank: index + 1 })));
  }
  return slugs;
}
