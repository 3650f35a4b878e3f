import { assertNever } from "./assert-never";
import type { Outcome } from "./types";

// The life of a deliberation: DRAFT → VOTED (adopted or rejected) or
// WITHDRAWN → TRANSMITTED (the prefecture's receipt recorded) → PUBLISHED.
// A vote may be cancelled (back to draft) and a withdrawn item reinstated
// until they are published; a rejected or withdrawn item, which the
// prefecture does not control, may be published without transmission. A
// published deliberation never changes: a rectification is a new version,
// which starts as a draft.

export type WorkflowStatus = "DRAFT" | "VOTED" | "WITHDRAWN" | "TRANSMITTED" | "PUBLISHED";

export type WorkflowEvent = "RECORD_VOTE" | "CANCEL_VOTE" | "WITHDRAW" | "REINSTATE" | "TRANSMIT" | "PUBLISH" | "RECTIFY";

export type WorkflowState = { status: WorkflowStatus; outcome: Outcome | null };

export type WorkflowStep = { ok: true; status: WorkflowStatus } | { ok: false; reason: string };

export const WORKFLOW_STATUS_LABELS: Readonly<Record<WorkflowStatus, string>> = {
  DRAFT: "Projet",
  VOTED: "Votée",
  WITHDRAWN: "Retirée",
  TRANSMITTED: "Transmise",
  PUBLISHED: "Publiée",
};

export const WORKFLOW_EVENTS: readonly WorkflowEvent[] = ["RECORD_VOTE", "CANCEL_VOTE", "WITHDRAW", "REINSTATE", "TRANSMIT", "PUBLISH", "RECTIFY"];

const PUBLISHED_REFUSAL = "Cette délibération est publiée : elle ne peut plus être modifiée. Émettez une rectification.";

function refuse(reason: string): WorkflowStep {
  return { ok: false, reason };
}

function publishStep({ status, outcome }: WorkflowState): WorkflowStep {
  if (status === "TRANSMITTED" || status === "WITHDRAWN") return { ok: true, status: "PUBLISHED" };
  if (status === "VOTED" && outcome === "REJECTED") return { ok: true, status: "PUBLISHED" };
  if (status === "VOTED") return refuse("Une délibération adoptée se publie après sa transmission en préfecture : enregistrez d'abord l'accusé de réception.");
  if (status === "PUBLISHED") return refuse("Cette délibération est déjà publiée.");
  return refuse("Un projet ne peut être publié : enregistrez d'abord le vote ou le retrait.");
}

/** Where `event` takes a deliberation in `state`, or why it cannot. For RECTIFY, the status of the new version. */
export function nextStatus(state: WorkflowState, event: WorkflowEvent): WorkflowStep {
  const { status } = state;
  switch (event) {
    case "RECORD_VOTE":
      if (status === "DRAFT") return { ok: true, status: "VOTED" };
      return refuse(status === "PUBLISHED" ? PUBLISHED_REFUSAL : "Le vote ne s'enregistre que sur un projet : annulez d'abord le vote ou le retrait enregistré.");
    case "CANCEL_VOTE":
      if (status === "VOTED") return { ok: true, status: "DRAFT" };
      return refuse(status === "PUBLISHED" ? PUBLISHED_REFUSAL : "Seul un vote enregistré et non transmis peut être annulé.");
    case "WITHDRAW":
      if (status === "DRAFT") return { ok: true, status: "WITHDRAWN" };
      return refuse(status === "PUBLISHED" ? PUBLISHED_REFUSAL : "Seul un projet peut être retiré de l'ordre du jour.");
    case "REINSTATE":
      if (status === "WITHDRAWN") return { ok: true, status: "DRAFT" };
      return refuse(status === "PUBLISHED" ? PUBLISHED_REFUSAL : "Seule une délibération retirée peut être remise en projet.");
    case "TRANSMIT":
      if (status === "VOTED" && state.outcome === "ADOPTED") return { ok: true, status: "TRANSMITTED" };
      if (status === "VOTED") return refuse("Une délibération rejetée n'est pas transmise au contrôle de légalité : publiez-la directement.");
      return refuse(status === "PUBLISHED" ? PUBLISHED_REFUSAL : "L'accusé de réception s'enregistre sur une délibération adoptée et non encore transmise.");
    case "PUBLISH":
      return publishStep(state);
    case "RECTIFY":
      if (status === "PUBLISHED") return { ok: true, status: "DRAFT" };
      return refuse("Seule une délibération publiée se rectifie ; avant publication, modifiez-la directement.");
    default:
      return assertNever(event);
  }
}

/** The events that apply to `state`, for the buttons a clerk is offered. */
export function availableEvents(state: WorkflowState): WorkflowEvent[] {
  return WORKFLOW_EVENTS.filter((event) => nextStatus(state, event).ok);
}

/** Whether the content (subject, report, roll call…) may still be edited. */
export function isEditable(status: WorkflowStatus): boolean {
  return status === "DRAFT";
}
