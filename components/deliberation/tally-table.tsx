import type { VoteChoice } from "@/lib/db/prisma";
import { REGISTER_TALLY_ROWS, sentenceCase, TALLY_LABELS, voteChoiceInSentence, type Tally } from "@/lib/domain";

/** The figures of the vote, in the register's order, as a table read row by row. */
export function TallyTable({ tally, secret, castingVote }: { tally: Tally; secret: boolean; castingVote: VoteChoice | null }) {
  return (
    <div>
      {secret ? <p className="mb-3 font-bold">Scrutin secret</p> : null}
      <table className="w-full max-w-md border-collapse text-left">
        <caption className="mb-2 text-left font-bold">Décompte des voix{secret ? " (scrutin secret)" : ""}</caption>
        <tbody>
          {REGISTER_TALLY_ROWS.map((key) => (
            <tr key={key} className="border-b border-line">
              <th scope="row" className="py-1.5 pr-4 font-normal">
                {sentenceCase(TALLY_LABELS[key])}
              </th>
              <td className="py-1.5 text-right font-semibold tabular-nums">{tally[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {castingVote ? (
        <p className="mt-3">
          <strong>Voix prépondérante</strong> du président de séance (article L 2121-20 du Code Général des Collectivités
          Territoriales) : {voteChoiceInSentence(castingVote)}.
        </p>
      ) : null}
    </div>
  );
}
