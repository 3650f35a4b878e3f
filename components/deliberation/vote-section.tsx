import type { Outcome } from "@/lib/db/prisma";
import { describeOutcome } from "@/lib/domain";
import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { NamedVotes } from "./named-votes";
import { TallyTable } from "./tally-table";

/** The vote: figures, named lists and the result; a withdrawn report has none of them. */
export function VoteSection({ outcome, vote }: { outcome: Outcome | null; vote: PublishedDeliberation["vote"] }) {
  const result = vote?.result ?? outcome;
  if (result === "WITHDRAWN") {
    return (
      <section aria-labelledby="vote" className="avoid-break mt-10 border-t border-line pt-6">
        <h2 id="vote" className="text-lg font-bold">
          Retiré de l&apos;ordre du jour
        </h2>
        <p className="mt-2">Ce rapport a été retiré de l&apos;ordre du jour : il n&apos;a pas été mis aux voix.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="vote" className="mt-10 border-t border-line pt-6">
      <h2 id="vote" className="mb-4 text-lg font-bold">
        Vote
      </h2>
      {vote ? (
        <>
          <TallyTable tally={vote} secret={vote.secret} castingVote={vote.castingVote} />
          {vote.secret ? (
            <p className="mt-4">Le vote ayant eu lieu au scrutin secret, les votes individuels ne sont pas nominatifs.</p>
          ) : (
            <NamedVotes against={vote.against} abstained={vote.abstained} notVoting={vote.notVoting} />
          )}
        </>
      ) : (
        <p>Le décompte des voix n&apos;est pas enregistré.</p>
      )}
      {result ? (
        <p className="mt-6 text-lg font-bold">
          Le Conseil Municipal a {describeOutcome({ outcome: result, tally: vote })} le rapport qui précède.
        </p>
      ) : null}
    </section>
  );
}
