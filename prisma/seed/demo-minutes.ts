import type { Admin } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { dateColumn, localDay } from "@/lib/domain/calendar";
import { adoptMinutesInTransaction } from "@/lib/minutes/adopt-minutes";
import { minutesItemKey } from "@/lib/minutes/minutes-items";
import { publishMinutesInTransaction } from "@/lib/minutes/publish-minutes";
import { saveMinutesInTransaction } from "@/lib/minutes/save-minutes";
import { submitMinutesInTransaction } from "@/lib/minutes/submit-minutes";
import { adoptMinutesSchema, minutesTextsSchema } from "@/lib/validations/minutes";
import { parseInput } from "@/lib/validations/parse";

// The demo council's procès-verbaux, written through the PV's use-case cores
// as a clerk would: each sitting's PV, with the substance of the discussions,
// is submitted to the next demo sitting, adopted at its opening and published
// three days later; the last sitting's PV is still a draft. Fictional council,
// fictional words: nothing here is said of a real councillor.

const OPENING =
  "Le Maire ouvre la séance, fait procéder à l'appel nominal et constate que le quorum est atteint. Le conseil désigne le secrétaire de séance parmi ses membres.";

/** A short, neutral account of the discussion on the sitting's first deliberations. */
function discussionOf(subject: string, index: number): string {
  return index === 0
    ? `Le rapporteur présente le rapport « ${subject} ». Un membre de l'opposition demande des précisions sur son calendrier ; le rapporteur lui répond.\n\n- Aucune autre demande de parole.`
    : `Le rapport « ${subject} » est présenté sans observation particulière.`;
}

export async function seedDemoMinutes(tx: Tx, actor: Admin, sittingIds: readonly string[]): Promise<{ published: number; drafts: number }> {
  let published = 0;
  for (const [index, sittingId] of sittingIds.entries()) {
    const deliberations = await tx.deliberation.findMany({ where: { sittingId, status: { not: "DRAFT" } }, orderBy: { orderInSitting: "asc" }, take: 2, select: { number: true, subject: true } });
    const texts = parseInput(minutesTextsSchema, {
      openingDiscussion: OPENING,
      ballotRequests: "",
      urgencyRuling: "",
      itemDiscussions: Object.fromEntries(deliberations.map((deliberation, order) => [minutesItemKey({ deliberationNumber: deliberation.number }), discussionOf(deliberation.subject, order)])),
    });
    await saveMinutesInTransaction(tx, actor, { sittingId, texts });
    const approvingSittingId = sittingIds[index + 1];
    if (!approvingSittingId) continue;
    await submitMinutesInTransaction(tx, actor, { sittingId, approvingSittingId });
    const adoption = parseInput(adoptMinutesSchema, { votesFor: "50", votesAgainst: "0", abstentions: index % 2 ? "3" : "0", observations: "" });
    const { adoptedAt } = await adoptMinutesInTransaction(tx, actor, { sittingId, adoption });
    // Put online three days after the adoption, at 10:00 (UTC+1 or +2: the hour is indicative).
    const publishedAt = new Date(dateColumn(adoptedAt).getTime() + 3 * 86_400_000 + 9 * 3_600_000);
    if (localDay(publishedAt, "Europe/Paris") < adoptedAt) throw new Error("demo PV published before its adoption");
    await publishMinutesInTransaction(tx, actor, { sittingId, publishedAt });
    published += 1;
  }
  return { published, drafts: sittingIds.length - published };
}
