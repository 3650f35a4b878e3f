import "server-only";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { councillorsInOffice } from "@/lib/councillors/councillors-in-office";
import { formatCouncillorName } from "@/lib/domain/format";
import { deliberationLabel } from "@/lib/domain/roll-call-form";
import { summarizeRollCall, type RollCallMark, type SittingRollCall } from "@/lib/domain/roll-call";
import { isEditable, type WorkflowStatus } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { isUuid } from "@/lib/validations/common";

export type RollCallDeliberation = {
  id: string;
  number: string;
  orderInSitting: number;
  subject: string;
  status: WorkflowStatus;
  /** A draft: its attendance follows the sitting's roll call; the others' is fixed. */
  editable: boolean;
  /** "la délibération n° 3 (DL.2022-93)", as messages name it. */
  label: string;
  marks: RollCallMark[];
};

/**
 * A sitting, its councillors in office and its current deliberations (the last
 * version of each number) in the agenda's order, each with its attendance.
 */
export async function loadSittingRollCall(tx: Tx, municipalityId: string, sittingId: string) {
  const sitting = isUuid(sittingId)
    ? await tx.sitting.findFirst({
        where: { id: sittingId, municipalityId },
        select: {
          id: true,
          startsAt: true,
          place: true,
          reconvened: true,
          isDemo: true,
          membersInOffice: true,
          deliberations: {
            where: { nextVersion: null },
            orderBy: [{ orderInSitting: "asc" }, { year: "asc" }, { sequence: "asc" }],
            select: {
              id: true,
              number: true,
              orderInSitting: true,
              subject: true,
              status: true,
              attendances: { select: { councillorId: true, status: true, proxyHolderId: true, note: true } },
            },
          },
        },
      })
    : null;
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const [councillors, windows] = await Promise.all([councillorsInOffice(tx, municipalityId, sitting), loadDerogationWindows(tx, municipalityId)]);
  const deliberations: RollCallDeliberation[] = sitting.deliberations.map(({ attendances, ...deliberation }) => ({
    ...deliberation,
    editable: isEditable(deliberation.status),
    label: deliberationLabel(deliberation),
    marks: attendances,
  }));
  return {
    sitting: { id: sitting.id, startsAt: sitting.startsAt, place: sitting.place, reconvened: sitting.reconvened },
    councillors: councillors.map((councillor) => ({ id: councillor.id, name: formatCouncillorName(councillor) })),
    // The sitting's own figure (dated), and the municipality's derogation windows, for the quorum and proxy rules.
    membersInOffice: sitting.membersInOffice,
    windows,
    deliberations,
  };
}

/** The sitting's roll call for the back office: the opening call and the arrivals and departures, as recorded. */
export async function getSittingRollCall(options: { db: Db; actor: SessionUser | null; sittingId: string }) {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const loaded = await options.db.$transaction((tx) => loadSittingRollCall(tx, actor.municipalityId, options.sittingId));
  const rollCall: SittingRollCall = summarizeRollCall({
    deliberations: loaded.deliberations,
    councillorIds: loaded.councillors.map((councillor) => councillor.id),
  });
  return { ...loaded, rollCall };
}
