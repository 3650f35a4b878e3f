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
