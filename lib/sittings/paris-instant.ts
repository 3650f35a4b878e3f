import { toParisDateTime } from "@/lib/domain/paris-calendar";

// A day and an hour on a Paris clock, as the clerk types them, to the instant
// stored (and back): the offset is the one in force that day (CET or CEST).

export function parisInstant(date: string, time: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wanted;
  // Two passes settle the offset, the second one across a change of time.
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = toParisDateTime(new Date(instant));
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    instant += wanted - seenAsUtc;
  }
  return new Date(instant);
}

/** The day and hour a Paris clock shows at `instant`: { date: "2022-04-07", time: "14:00" }. */
export function parisDateAndTime(instant: Date): { date: string; time: string } {
  const seen = toParisDateTime(instant);
  const pad = (value: number) => String(value).padStart(2, "0");
  return { date: `${seen.year}-${pad(seen.month)}-${pad(seen.day)}`, time: `${pad(seen.hour)}:${pad(seen.minute)}` };
}
