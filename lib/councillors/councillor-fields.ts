import type { CouncillorInput } from "@/lib/validations/councillor";
import { dayOf, isoDay } from "./council-days";

export { dayOf, isoDay };

/** The columns a councillor's form writes. */
export function councillorData(input: CouncillorInput) {
  return {
    civility: input.civility,
    firstName: input.firstName,
    lastName: input.lastName,
    role: input.role,
    roleLabel: input.roleLabel || null,
    mandateStart: dayOf(input.mandateStart),
    mandateEnd: input.mandateEnd ? dayOf(input.mandateEnd) : null,
  };
}

export type CouncillorData = ReturnType<typeof councillorData>;

/** What the audit trail keeps of a councillor: JSON, dates as days. */
export function councillorSnapshot(councillor: {
  civility: string;
  firstName: string;
  lastName: string;
  role: string;
  roleLabel: string | null;
  mandateStart: Date;
  mandateEnd: Date | null;
}) {
  return {
    civility: councillor.civility,
    firstName: councillor.firstName,
    lastName: councillor.lastName,
    role: councillor.role,
    roleLabel: councillor.roleLabel,
    mandateStart: isoDay(councillor.mandateStart),
    mandateEnd: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null,
  };
}

export const COUNCILLOR_SELECT = {
  id: true,
  civility: true,
  firstName: true,
  lastName: true,
  role: true,
  roleLabel: true,
  mandateStart: true,
  mandateEnd: true,
  isDemo: true,
} as const;
