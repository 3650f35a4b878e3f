import { Prisma } from "@/lib/db/prisma";

/** The figures of a vote a page shows, with whether the ballot was secret. */
export const tallySelect = {
  secret: true,
  presentAndRepresented: true,
  present: true,
  represented: true,
  abstentions: true,
  nonParticipation: true,
  expressed: true,
  votesFor: true,
  votesAgainst: true,
  unanimous: true,
} as const;

/**
 * A vote that adopted "à l'unanimité", in SQL on the vote's alias: no vote
 * against and no abstention (a secret ballot counts too: its figures are
 * public), or an archived act's "à l'unanimité" whose abstentions are unknown.
 * The search's filter and the statistics count the same acts.
 */
export function unanimousVoteSql(vote: string): Prisma.Sql {
  const v = Prisma.raw(`"${vote}"`);
  return Prisma.sql`((${v}."votes_against" = 0 AND ${v}."abstentions" = 0) OR (${v}."unanimous" AND ${v}."abstentions" IS NULL))`;
}
