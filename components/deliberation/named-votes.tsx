import { fullName } from "@/lib/deliberations/extract-wording";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { NameList } from "@/components/ui/name-list";

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
      <NamedGroup id="contre" title="Ont voté contre" councillors={against} />
      <NamedGroup id="abstentions" title="Se sont abstenus" councillors={abstained} />
      <NamedGroup id="non-participation" title="N'ont pas pris part au vote" councillors={notVoting} />
    </div>
  );
}
