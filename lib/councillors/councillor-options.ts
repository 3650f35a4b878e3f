import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { listCouncillors } from "./list-councillors";

/** The councillors as a form's options ("BOUDON Jacques"), those in office on `onDay` when given, real or demo as `demo` says. */
export async function councillorOptions(options: { db: Db; actor: SessionUser | null; onDay?: string; demo?: boolean }) {
  const councillors = await listCouncillors(options);
  return councillors.map((councillor) => ({
    value: councillor.id,
    label: `${councillor.lastName} ${councillor.firstName}${councillor.isDemo ? " (fictif)" : ""}`,
  }));
}
