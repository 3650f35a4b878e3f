import { z } from "@/lib/validations/zod";

/** 10 MiB: a scanned convention of a few dozen pages. */
export const MAX_ANNEX_BYTES = 10 * 1024 * 1024;

export const annexSchema = z.object({
  title: z.string().trim().min(1, "Saisissez le titre de l'annexe.").max(300, "Le titre est trop long (300 caractères au plus)."),
  isPublic: z.boolean(),
});
export type AnnexInput = z.input<typeof annexSchema>;
export type AnnexData = z.output<typeof annexSchema>;
