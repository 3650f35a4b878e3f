import { isoDay } from "@/lib/domain/calendar";
import { deliberationPath } from "@/lib/publication/deliberation-path";

/** "2022-04-07" for a DATE column (stored at midnight UTC). */
export { isoDay };
export const isoDayOrNull = (date: Date | null) => (date ? isoDay(date) : null);
export const deliberationUrl = (baseUrl: string, number: string) => `${baseUrl.replace(/\/$/, "")}${deliberationPath(number)}`;
