import type { CouncillorRef } from "@/lib/councillors/councillor-ref";

/** What the report's heading block states, on the public page and in the extract alike. */
export type ReportHeadingFacts = {
  sittingStartsAt: Date;
  /** The municipality's time zone, the sitting's day is read in. */
  zone: string;
  service: string | null;
  matterCode: string;
  rapporteur: CouncillorRef | null;
  policyHeading: string | null;
  subject: string;
};
