import { DomainError } from "./errors";

/** Closes an exhaustive switch; reached only when untyped data slips through. */
export function assertNever(value: never): never {
  throw new DomainError("UNEXPECTED_VALUE", `Valeur inattendue : ${String(value)}.`);
}
