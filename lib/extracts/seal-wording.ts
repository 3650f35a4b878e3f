import { formatDateFr, formatTimeFr } from "@/lib/domain";

/** "29 novembre 2026 à 15h58 (heure de Paris)" */
export function formatSealTime(date: Date): string {
  return `${formatDateFr(date)} à ${formatTimeFr(date)} (heure de Paris)`;
}
