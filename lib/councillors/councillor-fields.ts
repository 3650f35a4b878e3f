import type { CouncillorInput } from "@/lib/validations/councillor";
import { dateColumn, isoDay } from "@/lib/domain/calendar";

/** The columns a councillor's form writes. */
export function councillorData(input: CouncillorInput) {
  return {
    civility: input.civility,
    firstName: input.firstName,
    lastName: input.lastName,
    role: input.role,
    roleLabel: input.roleLabel || null,
    mandateStart: dateColumn(input.mandateStart),
    mandateEnd: input.mandateEnd ? dateColumn(input.mandateEnd) : null,
    // Left out (an older form, an import), the stored contact stays.
    email: input.email === undefined ? undefined : input.email || null,
    paperOnRequest: input.paperOnRequest,
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
  email?: string | null;
  paperOnRequest?: boolean;
}) {
  return {
    civility: councillor.civility,
    firstName: councillor.firstName,
    lastName: councillor.lastName,
    role: councillor.role,
    roleLabel: councillor.roleLabel,
    mandateStart: isoDay(councillor.mandateStart),
    mandateEnd: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null,
    ...(councillor.email === undefined ? {} : { email: councillor.email }),
    ...(councillor.paperOnRequest === undefined ? {} : { paperOnRequest: councillor.paperOnRequest }),
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
  email: true,
  paperOnRequest: true,
  isDemo: true,
} as const;
