import "server-only";
import type { Editor, SessionUser } from "@/lib/auth/roles";
import { authorizeEditor } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { VoteData } from "@/lib/validations/deliberation";
import { recordVoteInTransaction, type RecordedVote } from "./record-vote";

/**
 * Records on a rectification the vote of the version it replaces: the same
 * named choices and casting vote (or the same counts of a secret ballot),
 * checked as any vote against this version's roll call, so that correcting a
 * typo does not make the clerk enter every name again.
 */
export async function copyPreviousVote(options: { db: Db; actor: SessionUser | null; id: string }): Promise<RecordedVote> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => copyPreviousVoteInTransaction(tx, actor, { deliberationId: options.id }));
}

/** The core of `copyPreviousVote`, inside the caller's transaction. */
export async function copyPreviousVoteInTransaction(tx: Tx, actor: Editor, { deliberationId }: { deliberationId: string }): Promise<RecordedVote> {
  const rectification = await tx.deliberation.findFirst({
    where: { id: deliberationId, municipalityId: actor.municipalityId },
    select: {
      previousVersion: {
        select: {
          version: true,
          vote: { select: { secret: true, votesFor: true, votesAgainst: true, abstentions: true, nonParticipation: true, castingVote: true, choices: { select: { councillorId: true, choice: true } } } },
        },
      },
    },
  });
  if (!rectification) throw new AppError("NOT_FOUND", "Cette délibération n'existe pas.");
  const previous = rectification.previousVersion?.vote;
  if (!previous) throw new AppError("INVALID_STATE", "Cette délibération ne rectifie aucune version votée : saisissez le vote.");
  const vote: VoteData = previous.secret
    ? {
        secret: true,
        votesFor: String(previous.votesFor),
        votesAgainst: String(previous.votesAgainst),
        abstentions: String(previous.abstentions),
        nonParticipation: String(previous.nonParticipation),
      }
    : {
        secret: false,
        castingVote: previous.castingVote === "FOR" || previous.castingVote === "AGAINST" ? previous.castingVote : "",
        choices: previous.choices.flatMap((entry) => (entry.choice === "FOR" ? [] : [{ councillorId: entry.councillorId, choice: entry.choice }])),
      };
  return recordVoteInTransaction(tx, actor, { deliberationId, vote });
}
