import { formatDateFr, formatTimeFr, timeZoneLabel } from "@/lib/domain";

/** "29 novembre 2026 à 15h58 (heure de Paris)", on the municipality's clock. */
export function formatSealTime(date: Date, zone: string): string {
  return `${formatDateFr(date, zone)} à ${formatTimeFr(date, zone)} (${timeZoneLabel(zone)})`;
}
