import type { GroupTally } from "@/lib/domain/political-groups";
import type { VoteChoice } from "@/lib/domain/types";
import { VOTE_CHOICE_LABELS } from "@/lib/domain/vote-wording";

const CHOICES: readonly VoteChoice[] = ["FOR", "AGAINST", "ABSTENTION", "NOT_VOTING"];

/** The named votes of published acts, by political group: a table that reads on a phone too (it scrolls inside itself). */
export function VotesByGroup({ tallies }: { tallies: readonly GroupTally[] }) {
  if (!tallies.length) return null;
  return (
    <section aria-labelledby="by-group" className="mt-8">
      <h2 id="by-group" className="text-2xl font-bold">Votes nominatifs par groupe politique</h2>
      <p className="mt-1 text-sm text-muted">Chaque voix des votes publics des actes publiés, selon le groupe de l&apos;élu le jour de la séance.</p>
      <div className="mt-3 max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label="Votes par groupe politique">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Votes nominatifs par groupe politique</caption>
          <thead>
            <tr className="border-b border-ink">
              <th scope="col" className="py-2 pr-2">Groupe</th>
              {CHOICES.map((choice) => (
                <th key={choice} scope="col" className="py-2 pr-2 text-right">
                  {VOTE_CHOICE_LABELS[choice]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tallies.map((tally) => (
              <tr key={tally.groupId ?? "none"} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">{tally.groupName}</th>
                {CHOICES.map((choice) => (
                  <td key={choice} className="py-1 pr-2 text-right tabular-nums">
                    {tally.votes[choice]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
