import { toParisCalendarDate } from "@/lib/domain/paris-calendar";

// Days as the database's DATE columns hold them.
/** Midnight UTC of that day, as DATE columns take it. */
export function dayOf(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function isoDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}


/** The sitting's day in Paris, as a DATE column holds it. */
export function sittingDay(startsAt: Date): Date {
  return dayOf(toParisCalendarDate(startsAt));
}
