import { describe, expect, it } from "vitest";
import { availableEvents, isEditable, nextStatus, WORKFLOW_EVENTS, type WorkflowState, type WorkflowStatus } from "@/lib/domain/workflow";

const draft: WorkflowState = { status: "DRAFT", outcome: null };
const adopted: WorkflowState = { status: "VOTED", outcome: "ADOPTED" };
const rejected: WorkflowState = { status: "VOTED", outcome: "REJECTED" };
const withdrawn: WorkflowState = { status: "WITHDRAWN", outcome: "WITHDRAWN" };
const transmitted: WorkflowState = { status: "TRANSMITTED", outcome: "ADOPTED" };
const published: WorkflowState = { status: "PUBLISHED", outcome: "ADOPTED" };

function target(state: WorkflowState, event: Parameters<typeof nextStatus>[1]): WorkflowStatus | string {
  const step = nextStatus(state, event);
  return step.ok ? step.status : `refus: ${step.reason}`;
}

describe("workflow", () => {
  it("[workflow]: an adopted deliberation goes draft → voted → transmitted → published", () => {
    expect(target(draft, "RECORD_VOTE")).toBe("VOTED");
    expect(target(adopted, "TRANSMIT")).toBe("TRANSMITTED");
    expect(target(transmitted, "PUBLISH")).toBe("PUBLISHED");
  });

  it("[workflow]: an adopted deliberation cannot be published before its receipt is recorded", () => {
    expect(target(adopted, "PUBLISH")).toMatch(/^refus: .*accusé de réception/);
  });

  it("[workflow]: a rejected or withdrawn item is published without transmission, and a rejected one is never transmitted", () => {
    expect(target(rejected, "PUBLISH")).toBe("PUBLISHED");
    expect(target(withdrawn, "PUBLISH")).toBe("PUBLISHED");
    expect(target(rejected, "TRANSMIT")).toMatch(/^refus: .*rejetée/);
  });

  it("[workflow]: a draft can be withdrawn and reinstated; a vote can be cancelled back to draft", () => {
    expect(target(draft, "WITHDRAW")).toBe("WITHDRAWN");
    expect(target(withdrawn, "REINSTATE")).toBe("DRAFT");
    expect(target(adopted, "CANCEL_VOTE")).toBe("DRAFT");
  });

  it("[workflow]: a draft cannot be published, transmitted, reinstated or have a vote cancelled", () => {
    expect(target(draft, "PUBLISH")).toMatch(/^refus: Un projet ne peut être publié/);
    expect(target(draft, "TRANSMIT")).toMatch(/^refus: /);
    expect(target(draft, "REINSTATE")).toMatch(/^refus: /);
    expect(target(draft, "CANCEL_VOTE")).toMatch(/^refus: /);
    expect(target(draft, "RECTIFY")).toMatch(/^refus: Seule une délibération publiée se rectifie/);
  });

  it("[workflow]: a vote is recorded once, and not on a withdrawn item", () => {
    expect(target(adopted, "RECORD_VOTE")).toMatch(/^refus: Le vote ne s'enregistre que sur un projet/);
    expect(target(withdrawn, "RECORD_VOTE")).toMatch(/^refus: /);
    expect(target(adopted, "WITHDRAW")).toMatch(/^refus: Seul un projet peut être retiré/);
  });

  it("[workflow]: a published deliberation refuses every change but a rectification, which starts a draft version", () => {
    for (const event of WORKFLOW_EVENTS.filter((candidate) => candidate !== "RECTIFY" && candidate !== "PUBLISH")) {
      expect(target(published, event)).toMatch(/^refus: Cette délibération est publiée/);
    }
    expect(target(published, "PUBLISH")).toBe("refus: Cette délibération est déjà publiée.");
    expect(target(published, "RECTIFY")).toBe("DRAFT");
    expect(availableEvents(published)).toEqual(["RECTIFY"]);
  });

  it("[workflow]: the events offered are exactly those that apply", () => {
    expect(availableEvents(draft)).toEqual(["RECORD_VOTE", "WITHDRAW"]);
    expect(availableEvents(adopted)).toEqual(["CANCEL_VOTE", "TRANSMIT"]);
    expect(availableEvents(rejected)).toEqual(["CANCEL_VOTE", "PUBLISH"]);
    expect(availableEvents(withdrawn)).toEqual(["REINSTATE", "PUBLISH"]);
    expect(availableEvents(transmitted)).toEqual(["PUBLISH"]);
  });

  it("[workflow]: only a draft's content can be edited", () => {
    expect(isEditable("DRAFT")).toBe(true);
    for (const status of ["VOTED", "WITHDRAWN", "TRANSMITTED", "PUBLISHED"] as const) expect(isEditable(status)).toBe(false);
  });

  it("[workflow]: an unknown event is a programming error", () => {
    expect(() => nextStatus(draft, "ARCHIVE" as never)).toThrow();
  });
});
