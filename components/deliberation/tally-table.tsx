import type { VoteChoice } from "@/lib/db/prisma";
import type { Tally } from "@/lib/domain";

const ROWS: { key: keyof Tally; label: string }[] = [
  { key: "presentAndRepresented", label: "Présents et représentés" },
  { key: "present", label: "Présents" },
  { key: "abstentions", label: "Abstentions" },
  { key: "nonParticipation", label: "Non participation" },
  { key: "expressed", label: "Suffrages exprimés" },
  { key: "votesFor", label: "Pour" },
  { key: "votesAgainst", label: "Contre" },
];

const CASTING_VOTE: Record<VoteChoice, string> = {
  FOR: "pour",
  AGAINST: "contre",
  ABSTENTION: "abstention",
  NOT_VOTING: "ne prend pas part au vote",
};

/** The figures of the vote, in the register's order, as a table read row by row. */
export function TallyTable({ tally, secret, castingVote }: { tally: Tally; secret: boolean; castingVote: VoteChoice | null }) {
  return (
    <div>
      {secret ? <p className="mb-3 font-bold">Scrutin secret</p> : null}
      <table className="w-full max-w-md border-collapse text-left">
        <caption className="mb-2 text-left font-bold">Décompte des voix{secret ? " (scrutin secret)" : ""}</caption>
        <tbody>
          {ROWS.map(({ key, label }) => (
            <tr key={key} className="border-b border-line">
              <th scope="row" className="py-1.5 pr-4 font-normal">
                {label}
              </th>
              <td className="py-1.5 text-right font-semibold tabular-nums">{tally[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {castingVote ? (
        <p className="mt-3">
          <strong>Voix prépondérante</strong> du président de séance (article L 2121-20 du Code Général des Collectivités
          Territoriales) : {CASTING_VOTE[castingVote]}.
        </p>
      ) : null}
    </div>
  );
}
