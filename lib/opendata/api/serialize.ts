/** "2022-04-07" for a DATE column (stored at midnight UTC). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const isoDayOrNull = (date: Date | null) => (date ? isoDay(date) : null);
export const deliberationUrl = (baseUrl: string, number: string) => `${baseUrl.replace(/\/$/, "")}/deliberations/${encodeURIComponent(number)}`;
