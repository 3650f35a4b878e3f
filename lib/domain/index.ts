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
export { checkChoices, checkTally, decideOutcome, deriveTally, describeOutcome, secretBallotTally, type StatedTally } from "./tally";
export { NAMED_VOTE_HEADINGS, REGISTER_TALLY_ROWS, TALLY_FIGURES, TALLY_LABELS, VOTE_CHOICE_LABELS, sentenceCase, voteChoiceInSentence } from "./vote-wording";
export { agree, countOf, countWithVerb } from "./plural";
export { ATTENDANCE_HEADINGS, REGISTER_TITLE, SECRETARY_LABEL, registerTitle } from "./register-wording";
export type { DerogationWindow, DerogationWindowIssue } from "./derogations";
export { checkDerogationWindows, findDerogation } from "./derogations";
export type { QuorumCheck, QuorumRule } from "./quorum";
export { checkProxies, checkQuorum, maxProxiesPerHolder } from "./quorum";
export type { ActesId, ActesIdParse, ActesNature } from "./actes";
export { ACTES_NATURE_LABELS, ACTES_NATURES, checkActesId, isValidSiren, parseActesId, requireActesId } from "./actes";
export type { Matter, MatterCodeParse, MatterFamily, MatterOption } from "./nomenclature";
export { listMatters, matterCaption, matterLabel, NOMENCLATURE, parseMatterCode, scdlMatterCode, scdlMatterName, statedMatterLabel } from "./nomenclature";
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
  withClosingPunctuation,
} from "./format";
export type { ExecutoryDates, ExecutoryStatus, ExecutoryStep, ExecutoryStepKey } from "./executory";
export { deriveExecutoryStatus, REJECTED_NOT_EXECUTORY, REJECTED_NOT_TRANSMITTED } from "./executory";
export type { LocalDateTime } from "./calendar";
export { DEFAULT_TIME_ZONE, dateColumn, instantAt, isoDay, isTimeZone, localDateAndTime, localDay, localDayBounds, localYear, timeZoneLabel } from "./calendar";
export type { DeliberationRollCallCheck, ExpandedMark, MarkSource, RollCallChange, RollCallChangeIssue, RollCallMark, SittingRollCall } from "./roll-call";
export { changedMarks, checkRollCallChanges, describeRollCallChange, checkSittingRollCall, expandRollCall, summarizeRollCall } from "./roll-call";
export type { RollCallFormCheck, RollCallFormDeliberation } from "./roll-call-form";
export { atDeliberations, checkRollCallForm, deliberationLabel, fixedAttendanceMessage, rollCallFieldKey } from "./roll-call-form";
export type { AttendanceCheck, AttendanceCounts, AttendanceFormRow } from "./attendance-form";
export { checkAttendance, checkRoster, countAttendance } from "./attendance-form";
export type { FormIssues } from "./form-issues";
export { addIssue, hasIssues } from "./form-issues";
export type { PastEvent } from "./past-events";
export { PAST_EVENT_LABELS, futureDayErrors, futureDayMessage, isFutureDay, sittingNotHeldMessage } from "./past-events";
export type { Mandate } from "./mandate";
export { isInOffice } from "./mandate";
export type { AdoptionVote, MinutesFacts, MinutesStatus } from "./minutes";
export {
  canMoveMinutes,
  checkAdoptionVote,
  describeAdoptionVote,
  describeMinutesState,
  isMinutesEditable,
  MINUTES_STATUS_LABELS,
  minutesApprovalTitle,
} from "./minutes";
export type { ConvocationDelay } from "./convocation";
export {
  addDays,
  atOrAboveThreshold,
  checkConvocationDelay,
  clearDaysBetween,
  convocationDelayAccepted,
  convocationDelayMessage,
  daysBetween,
  lastSendingDay,
  missingSummaryNotes,
  ordinaryClearDays,
  POPULATION_THRESHOLD,
  requiredClearDays,
  summaryNotesRequired,
} from "./convocation";
export type { Deadline, DeadlineKind, DeadlineUrgency, MinutesState } from "./sitting-deadlines";
export {
  actDeadline,
  convocationDeadline,
  deadlineUrgency,
  describeDueDay,
  listPostingDeadline,
  listPostingRule,
  minutesDeadline,
  RULES_OF_2022_FROM,
  sortByUrgency,
  underRulesOf2022,
} from "./sitting-deadlines";
export type { MatchableCouncillor, NameMatch, NameMatchHow, StrippedName } from "./name-matching";
export { foldText, isCivilityWord, isMayorReference, matchName, nameKey, nameWords, stripCivility } from "./name-matching";
