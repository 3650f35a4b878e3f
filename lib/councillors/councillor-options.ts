import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { isoDay } from "@/lib/domain/calendar";
import { listCouncillors } from "./list-councillors";

/** The councillors as a form's options ("BOUDON Jacques"), those in office on `onDay` when given, real or demo as `demo` says. */
export async function councillorOptions(options: { db: Db; actor: SessionUser | null; onDay?: string; demo?: boolean }) {
  const councillors = await listCouncillors(options);
  return councillors.map((councillor) => ({
    value: councillor.id,
    label: `${councillor.lastName} ${councillor.firstName}${councillor.isDemo ? " (fictif)" : ""}`,
  }));
}

/** The councillors with their mandates' days, for a form that keeps those in office on a day it lets the clerk change (the sitting's). */
export async function councillorOptionsWithMandates(options: { db: Db; actor: SessionUser | null; demo?: boolean }) {
  const councillors = await listCouncillors(options);
  return councillors.map((councillor) => ({
    value: councillor.id,
    label: `${councillor.lastName} ${councillor.firstName}${councillor.isDemo ? " (fictif)" : ""}`,
    mandateStart: isoDay(councillor.mandateStart),
    mandateEnd: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null,
  }));
}
