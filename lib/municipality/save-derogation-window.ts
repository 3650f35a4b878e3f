import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeAdmin, type Admin, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validations/common";
import { derogationWindowFieldErrors, derogationWindowSchema, toDerogationWindowValue } from "@/lib/validations/derogation-window";
import { parseInput } from "@/lib/validations/parse";
import { DEROGATION_WINDOW_SELECT, toDerogationWindow } from "./load-derogation-windows";

const windowId = uuidSchema("Cette période dérogatoire n'existe pas.");

const rowOf = (window: DerogationWindow) => ({
  startsOn: new Date(`${window.from}T00:00:00Z`),
  endsOn: new Date(`${window.to}T00:00:00Z`),
  quorumNumerator: window.quorumFraction.numerator,
  quorumDenominator: window.quorumFraction.denominator,
  maxProxiesPerHolder: window.maxProxiesPerHolder,
  legalBasis: window.legalBasis,
});

/**
 * Adds a derogation window to the administrator's municipality, or edits one
 * (`id`). Checked by the domain against the other windows; the database
 * refuses the same, and a change under a published act or a recorded roll call
 * it would break (RG005).
 */
export async function saveDerogationWindow(options: { db: Db; actor: SessionUser | null; id?: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeAdmin(options.actor);
  const window = toDerogationWindowValue(parseInput(derogationWindowSchema, options.input));
  const id = options.id === undefined ? undefined : windowId.safeParse(options.id).data;
  if (options.id !== undefined && !id) throw new AppError("NOT_FOUND", "Cette période dérogatoire n'existe pas.");
  return options.db.$transaction((tx) => saveDerogationWindowInTransaction(tx, actor, { id, window }));
}

/** The core of `saveDerogationWindow`, inside the caller's transaction (`id` absent: a new window). */
export async function saveDerogationWindowInTransaction(tx: Tx, actor: Admin, { id, window }: { id?: string; window: DerogationWindow }): Promise<{ id: string }> {
  // Two administrators saving windows at once are served in turn, so the overlap check holds.
  await tx.$queryRaw`SELECT id FROM municipality WHERE id = ${actor.municipalityId}::uuid FOR UPDATE`;
  const rows = await tx.derogationWindow.findMany({ where: { municipalityId: actor.municipalityId }, select: DEROGATION_WINDOW_SELECT, orderBy: { startsOn: "asc" } });
  const current = id ? rows.find((row) => row.id === id) : undefined;
  if (id && !current) throw new AppError("NOT_FOUND", "Cette période dérogatoire n'existe pas.");
  const others = rows.filter((row) => row.id !== id).map(toDerogationWindow);
  const errors = derogationWindowFieldErrors(window, others);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Le formulaire contient des erreurs : corrigez les champs signalés.", errors);
  const saved = current
    ? await tx.derogationWindow.update({ where: { id: current.id }, data: rowOf(window), select: { id: true } })
    : await tx.derogationWindow.create({ data: { municipalityId: actor.municipalityId, ...rowOf(window) }, select: { id: true } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: current ? "derogation_window.update" : "derogation_window.create",
    entity: "derogation_window",
    entityId: saved.id,
    before: current ? toDerogationWindow(current) : null,
    after: window,
  });
  return saved;
}
