import { z } from "@/lib/validations/zod";

// Building blocks shared by the back office's schemas (client and server).

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar day as a date input gives it: "2022-04-07". */
export const isoDateSchema = (label: string) =>
  z
    .string()
    .trim()
    // One message per mistake: an empty day is only "missing", not also badly written and off the calendar.
    .min(1, { message: `Saisissez ${label}.`, abort: true })
    .regex(ISO_DATE, { message: `Saisissez ${label} au format jj/mm/aaaa.`, abort: true })
    .refine(isRealDate, `${label.charAt(0).toUpperCase()}${label.slice(1)} n'existe pas au calendrier.`);

/** An optional day: the empty string of an untouched date input means none. */
export const optionalIsoDateSchema = (label: string) => z.union([z.literal(""), isoDateSchema(label)]);

export const uuidSchema = (message: string) => z.string().uuid(message);

const anyUuid = uuidSchema("");

/** Whether an id from a URL, a form or a bound argument is a UUID: one that is not finds nothing (and never reaches a `::uuid` cast). */
export function isUuid(value: string): boolean {
  return anyUuid.safeParse(value).success;
}

export const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} est trop long (${max} caractères au plus).`);
