import { z } from "@/lib/validations/zod";

/** Cancelling a convened sitting: the reason is printed on its public page and in the calendar. */
export const sittingCancellationSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Indiquez le motif de l'annulation : il figure sur la page publique de la séance et dans le calendrier.")
    .max(1000, "Le motif tient en 1 000 caractères au plus."),
});
export type SittingCancellationInput = z.input<typeof sittingCancellationSchema>;
