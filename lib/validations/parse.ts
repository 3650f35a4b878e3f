import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Field errors keyed by the field's path ("attendances.3.proxyHolderId"), for forms and AppError. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The parsed input, or AppError("VALIDATION") with the errors of every field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** One value that is not a form (a button's argument): parsed, or AppError("VALIDATION") whose message is the schema's own. */
export function parseValue<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((issue) => issue.message).join(" "));
  return parsed.data;
}
