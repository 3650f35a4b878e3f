import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { isEditable, nextStatus, type WorkflowEvent, type WorkflowStatus } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";

// Shared by the deliberation's use cases: load it inside the transaction,
// locked, in the actor's municipality, and check the workflow allows the step.

export async function lockDeliberation(tx: Tx, actor: Pick<SessionUser, "municipalityId">, id: string) {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "Cette délibération n'existe pas.");
  // FOR UPDATE: two clerks acting on one deliberation at once are served in turn.
  await tx.$queryRaw`SELECT id FROM deliberation WHERE id = ${id}::uuid AND municipality_id = ${actor.municipalityId}::uuid FOR UPDATE`;
  const deliberation = await tx.deliberation.findFirst({
    where: { id, municipalityId: actor.municipalityId },
    select: {
      id: true,
      number: true,
      version: true,
      status: true,
      outcome: true,
      transmittedAt: true,
      votedAt: true,
      isDemo: true,
      sitting: { select: { id: true, startsAt: true, reconvened: true, isDemo: true, membersInOffice: true } },
    },
  });
  if (!deliberation) throw new AppError("NOT_FOUND", "Cette délibération n'existe pas.");
  return deliberation;
}

/** The status `event` leads to, or AppError("INVALID_STATE") with the workflow's reason. */
export function stepTo(deliberation: { status: WorkflowStatus; outcome: "ADOPTED" | "REJECTED" | "WITHDRAWN" | null }, event: WorkflowEvent): WorkflowStatus {
  const step = nextStatus(deliberation, event);
  if (!step.ok) throw new AppError("INVALID_STATE", step.reason);
  return step.status;
}

export function assertEditable(deliberation: { status: WorkflowStatus; number: string }): void {
  if (!isEditable(deliberation.status)) {
    throw new AppError(
      "INVALID_STATE",
      deliberation.status === "PUBLISHED"
        ? `La délibération ${deliberation.number} est publiée : elle ne peut plus être modifiée. Émettez une rectification.`
        : `La délibération ${deliberation.number} n'est plus un projet : annulez d'abord le vote ou le retrait pour la modifier.`,
    );
  }
}
