import { fullName } from "@/lib/deliberations/extract-wording";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { NameList } from "@/components/ui/name-list";
import { NAMED_VOTE_HEADINGS } from "@/lib/domain/vote-wording";

function NamedGroup({ id, title, councillors }: { id: string; title: string; councillors: CouncillorRef[] }) {
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="font-bold">
        {title}
      </h3>
      <div className="mt-1">
        <NameList names={councillors.map(fullName)} />
      </div>
    </section>
  );
}

/** Who voted against, abstained or did not take part, by name ("NEANT" when no one). */
export function NamedVotes({
  against,
  abstained,
  notVoting,
}: {
  against: CouncillorRef[];
  abstained: CouncillorRef[];
  notVoting: CouncillorRef[];
}) {
  return (
    <div>
      <NamedGroup id="contre" title={NAMED_VOTE_HEADINGS.AGAINST} councillors={against} />
      <NamedGroup id="abstentions" title={NAMED_VOTE_HEADINGS.ABSTENTION} councillors={abstained} />
      <NamedGroup id="non-participation" title={NAMED_VOTE_HEADINGS.NOT_VOTING} councillors={notVoting} />
    </div>
  );
}
