import { checkActesId, parseActesId } from "@/lib/domain/actes";
import { isCalendarDate } from "@/lib/domain/calendar";
import { parseMatterCode } from "@/lib/domain/nomenclature";
import type { ArchivedActInput } from "./archived-act";

// The checks an archived act passes before it is written, on the facts it
// gives (the database checks them again): the same rules as manual entry,
// reported with the field and the reason in French, so that the import
// report can say which line is wrong and why.

/** One refused fact: the source's line, the field (an SCDL column name or the proposal's field), the reason. */
export type ArchiveRowIssue = { line: number; field: string | null; message: string };

export type ArchiveCheckContext = { departmentCode: string; siren: string; membersInOffice: number };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isArchiveDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) && Number(match[1]) >= 1790;
}

/** What is wrong with an act, field by field; empty when it can be written. */
export function checkArchivedAct(act: ArchivedActInput, context: ArchiveCheckContext): ArchiveRowIssue[] {
  const issues: ArchiveRowIssue[] = [];
  const issue = (field: string | null, message: string) => issues.push({ line: act.source.line, field, message });
  const identifier = act.identifier;
  if (identifier.trim() !== identifier || identifier.length === 0) issue("identifier", "L'identifiant de l'acte est vide ou entouré d'espaces.");
  else if (identifier.length > 100) issue("identifier", "L'identifiant de l'acte dépasse 100 caractères.");
  else if (/[\p{Cc}@]/u.test(identifier)) issue("identifier", "L'identifiant de l'acte contient un caractère de contrôle ou « @ ».");
  if (!isArchiveDay(act.sitting.day)) issue("day", `La date « ${act.sitting.day} » n'est pas une date du calendrier (AAAA-MM-JJ, à partir de 1790).`);
  if (act.sitting.hour !== null && !HOUR.test(act.sitting.hour)) issue("hour", `L'heure « ${act.sitting.hour} » n'est pas une heure (HH:MM).`);
  if (act.subject.trim().length === 0) issue("subject", "L'objet de l'acte est vide.");
  if (act.matterCode !== null) {
    const matter = parseMatterCode(act.matterCode);
    if (!matter.ok) issue("matterCode", matter.reason);
  }
  if (act.orderInSitting !== null && !(Number.isInteger(act.orderInSitting) && act.orderInSitting > 0)) issue("orderInSitting", "Le rang de l'acte dans la séance doit être un entier positif.");
  const members = act.sitting.membersInOffice ?? context.membersInOffice;
  if (act.sitting.membersInOffice !== null && !(Number.isInteger(members) && members > 0)) issue("membersInOffice", "Le nombre de membres en exercice doit être un entier positif.");
  if (act.vote) checkVote(act, members, issue);
  if (act.outcome === "WITHDRAWN" && act.vote) issue("outcome", "Un acte retiré de l'ordre du jour n'a pas de vote.");
  if (act.receipt) {
    const { actesId, authority, receivedAt } = act.receipt;
    if (actesId === null && authority === null && receivedAt === null) issue("receipt", "L'accusé de réception ne donne rien : ni identifiant, ni autorité, ni date.");
    if (receivedAt !== null && !isArchiveDay(receivedAt)) issue("receivedAt", `La date de réception « ${receivedAt} » n'est pas une date du calendrier.`);
    else if (receivedAt !== null && isArchiveDay(act.sitting.day) && receivedAt < act.sitting.day) issue("receivedAt", "La préfecture ne peut avoir reçu l'acte avant la séance qui l'a voté.");
    if (authority !== null && !/^(PREF[0-9]{2}[0-9AB]|SPREF[0-9]{2}[0-9AB][0-9]{1,2}|SGAR[0-9]{2}[0-9AB])$/.test(authority)) {
      issue("authority", `« ${authority} » n'est pas un code de contrôle de légalité (PREF013, SPREF0131, SGAR013).`);
    }
    if (actesId !== null) {
      const parsed = parseActesId(actesId);
      if (!parsed.ok) issue("actesId", parsed.reason);
      else if (isArchiveDay(act.sitting.day)) {
        for (const found of checkActesId(parsed.value, { departmentCode: context.departmentCode, siren: context.siren, sittingDate: act.sitting.day })) issue("actesId", found.message);
      }
    }
  }
  if (act.budgetYear !== null && !/^[0-9]{4}(\/[0-9]{4})?$/.test(act.budgetYear)) issue("budgetYear", `L'année budgétaire « ${act.budgetYear} » n'a pas la forme AAAA ou AAAA/AAAA.`);
  if (act.sourceUrl !== null && !/^https?:\/\/\S+$/.test(act.sourceUrl)) issue("sourceUrl", `« ${act.sourceUrl} » n'est pas une adresse web (http ou https).`);
  checkAttendance(act, members, issue);
  return issues;
}

function checkVote(act: ArchivedActInput, members: number, issue: (field: string | null, message: string) => void): void {
  const vote = act.vote!;
  const figures = { participants: vote.participants, votesFor: vote.votesFor, votesAgainst: vote.votesAgainst, abstentions: vote.abstentions };
  for (const [field, value] of Object.entries(figures)) {
    if (value !== null && !(Number.isInteger(value) && value >= 0)) issue(field, "Un décompte est un entier positif ou nul.");
  }
  const { participants, votesFor, votesAgainst, abstentions } = figures;
  if ((votesFor === null) !== (votesAgainst === null) && !(vote.unanimous && votesAgainst === null)) {
    issue("votesAgainst", "Les voix pour et les voix contre se donnent ensemble (ou « à l'unanimité »).");
  }
  if (vote.unanimous && votesAgainst !== null && votesAgainst > 0) issue("votesAgainst", "Un vote « à l'unanimité » ne compte aucune voix contre.");
  if (vote.unanimous && act.outcome !== "ADOPTED") issue("outcome", "Un vote « à l'unanimité » adopte l'acte.");
  // One reason per tally, the most telling first.
  const counted = (votesFor ?? 0) + (votesAgainst ?? 0) + (abstentions ?? 0);
  if (participants !== null && votesFor !== null && votesAgainst !== null && abstentions !== null && participants !== counted) {
    issue("participants", `Les votants (${participants}) ne sont pas la somme des voix pour, contre et des abstentions (${counted}).`);
  } else if (participants !== null && counted > participants) issue("participants", `Les voix et abstentions (${counted}) dépassent les votants (${participants}).`);
  else if (Math.max(participants ?? 0, counted) > members) issue("participants", `Le vote compte plus de votants (${Math.max(participants ?? 0, counted)}) que de membres en exercice (${members}).`);
  if (votesFor !== null && votesAgainst !== null) {
    if (act.outcome === "ADOPTED" && votesFor <= votesAgainst) issue("outcome", `L'acte est dit adopté avec ${votesFor} voix pour et ${votesAgainst} contre.`);
    if (act.outcome === "REJECTED" && votesFor > votesAgainst) issue("outcome", `L'acte est dit rejeté avec ${votesFor} voix pour et ${votesAgainst} contre.`);
  }
}

function checkAttendance(act: ArchivedActInput, members: number, issue: (field: string | null, message: string) => void): void {
  const attendance = act.sitting.attendance;
  if (!attendance) return;
  const seen = new Set<string>();
  const status = new Map(attendance.map((entry) => [entry.councillorId, entry.status]));
  for (const entry of attendance) {
    if (seen.has(entry.councillorId)) issue("attendance", "Un élu figure deux fois dans la liste de présence.");
    seen.add(entry.councillorId);
    if ((entry.status === "REPRESENTED") !== (entry.proxyHolderId !== null)) issue("attendance", "Un élu représenté a un mandataire, et seul lui en a un.");
    if (entry.proxyHolderId !== null && entry.proxyHolderId === entry.councillorId) issue("attendance", "Un élu ne peut se donner pouvoir à lui-même.");
    if (entry.proxyHolderId !== null && status.get(entry.proxyHolderId) !== "PRESENT") issue("attendance", "Le mandataire d'un pouvoir doit être présent.");
  }
  if (attendance.length > members) issue("attendance", `La liste de présence compte plus d'élus (${attendance.length}) que de membres en exercice (${members}).`);
  const voters = attendance.filter((entry) => entry.status === "PRESENT" || entry.status === "REPRESENTED").length;
  const participants = act.vote?.participants ?? null;
  if (participants !== null && participants > voters) issue("participants", `Le vote compte ${participants} votants pour ${voters} présents et représentés.`);
}
