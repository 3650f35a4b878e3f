import { z } from "@/lib/validations/zod";
import { checkDerogationWindows, type DerogationWindow } from "@/lib/domain/derogations";
import { isoDateSchema } from "./common";

// A derogation window as an administrator types it (text, as the inputs give
// it); the domain's checkDerogationWindows judges it against the others.

const wholeNumber = (message: string) => z.string().trim().regex(/^\d{1,2}$/, message);

export const derogationWindowSchema = z.object({
  from: isoDateSchema("le premier jour de la période"),
  to: isoDateSchema("le dernier jour de la période"),
  quorumNumerator: wholeNumber("Saisissez le numérateur de la fraction, par exemple 1 pour un tiers."),
  quorumDenominator: wholeNumber("Saisissez le dénominateur de la fraction, par exemple 3 pour un tiers."),
  maxProxiesPerHolder: wholeNumber("Saisissez le nombre de pouvoirs qu'un mandataire peut porter, par exemple 2."),
  legalBasis: z.string().trim().min(1, "Citez le texte qui fonde la dérogation.").max(1000, "Le fondement est trop long (1 000 caractères au plus)."),
});

export type DerogationWindowInput = z.input<typeof derogationWindowSchema>;

/** The window the domain judges, from what the form holds. */
export function toDerogationWindowValue(input: DerogationWindowInput): DerogationWindow {
  return {
    from: input.from.trim(),
    to: input.to.trim(),
    quorumFraction: { numerator: Number(input.quorumNumerator), denominator: Number(input.quorumDenominator) },
    maxProxiesPerHolder: Number(input.maxProxiesPerHolder),
    legalBasis: input.legalBasis.trim(),
  };
}

/** The form's values for a window. */
export function derogationWindowFormValues(window: DerogationWindow): DerogationWindowInput {
  return {
    from: window.from,
    to: window.to,
    quorumNumerator: String(window.quorumFraction.numerator),
    quorumDenominator: String(window.quorumFraction.denominator),
    maxProxiesPerHolder: String(window.maxProxiesPerHolder),
    legalBasis: window.legalBasis,
  };
}

/** The domain's issues of `candidate` among the municipality's other windows, keyed by the form's fields. */
export function derogationWindowFieldErrors(candidate: DerogationWindow, others: readonly DerogationWindow[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of checkDerogationWindows([...others, candidate])) {
    if (issue.index !== others.length) continue;
    const field = issue.field === "quorumFraction" ? "quorumDenominator" : issue.field;
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** The form's schema: the fields, then the domain's judgement among the municipality's other windows (as the server judges). */
export function derogationWindowSchemaAmong(others: readonly DerogationWindow[]) {
  return derogationWindowSchema.superRefine((input, context) => {
    for (const [field, messages] of Object.entries(derogationWindowFieldErrors(toDerogationWindowValue(input), others))) {
      for (const message of messages) context.addIssue({ code: "custom", path: [field], message });
    }
  });
}

/** A blank form. Kept here, not in the form's client module: a server page that spreads a client module's constant gets an empty reference, not the values. */
export const EMPTY_DEROGATION_WINDOW: DerogationWindowInput = {
  from: "",
  to: "",
  quorumNumerator: "1",
  quorumDenominator: "3",
  maxProxiesPerHolder: "2",
  legalBasis: "",
};
