// Days as the database's DATE columns hold them.
/** Midnight UTC of that day, as DATE columns take it. */
export function dayOf(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function isoDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

