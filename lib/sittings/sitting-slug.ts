import { isCalendarDate } from "@/lib/domain/calendar";
import { isCalendarDay } from "@/lib/validations/request-params";

// A sitting's address is its day in the municipality's time zone ("2022-04-07");
// a second sitting of that day gets "-2", a third "-3", in the order they became
// public. The database gives it once and keeps it (sitting.public_slug).
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
