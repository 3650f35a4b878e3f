export type {
  AttendanceEntry,
  AttendanceStatus,
  Civility,
  CouncillorRole,
  DomainIssue,
  Outcome,
  Tally,
  VoteChoice,
} from "./types";
export { DomainError } from "./errors";
export type { CastingVote, CouncillorChoice, Decision, VoteRecord } from "./tally";
export { checkChoices, checkTally, decideOutcome, deriveTally, describeOutcome, secretBallotTally } from "./tally";
export type { DerogationWindow, DerogationWindowIssue } from "./derogations";
export { checkDerogationWindows, findDerogation } from "./derogations";
export type { QuorumCheck, QuorumRule } from "./quorum";
export { checkProxies, checkQuorum, maxProxiesPerHolder } from "./quorum";
export type { ActesId, ActesIdParse, ActesNature } from "./actes";
export { ACTES_NATURE_LABELS, ACTES_NATURES, checkActesId, isValidSiren, parseActesId, requireActesId } from "./actes";
export type { Matter, MatterCodeParse, MatterFamily, MatterOption } from "./nomenclature";
export { listMatters, matterLabel, NOMENCLATURE, parseMatterCode, scdlMatterCode, scdlMatterName } from "./nomenclature";
export type { DeliberationNumber } from "./numbering";
export { formatDeliberationNumber, nextDeliberationNumber, parseDeliberationNumber } from "./numbering";
export type { CouncillorName } from "./format";
export {
  civilityLabel,
  formatCouncillorName,
  formatDateFr,
  formatDateShortFr,
  formatProxy,
  formatTimeFr,
  formatWeekdayDateFr,
  roleLabel,
} from "./format";
export type { ExecutoryDates, ExecutoryStatus, ExecutoryStep, ExecutoryStepKey } from "./executory";
export { deriveExecutoryStatus } from "./executory";
export type { ParisDateTime } from "./paris-calendar";
export { toParisCalendarDate } from "./paris-calendar";
export type { DeliberationRollCallCheck, ExpandedMark, MarkSource, RollCallChange, RollCallChangeIssue, RollCallMark, SittingRollCall } from "./roll-call";
export { atDeliberation, changedMarks, checkRollCallChanges, describeRollCallChange, fixedAttendanceMessage, checkSittingRollCall, expandRollCall, summarizeRollCall } from "./roll-call";
