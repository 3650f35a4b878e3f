import type { CouncillorRef } from "./councillor-ref";

/** What the report's heading block states, on the public page and in the extract alike. */
export type ReportHeadingFacts = {
  sittingStartsAt: Date;
  service: string | null;
  matterCode: string;
  rapporteur: CouncillorRef | null;
  policyHeading: string | null;
  subject: string;
};
