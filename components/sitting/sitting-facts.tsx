import type { ReactNode } from "react";
import { formatDateFr, formatTimeFr, isoDay } from "@/lib/domain";
import { councillorRole, fullName, nameWithRole, sittingKindLabel } from "@/lib/deliberations/extract-wording";
import type { PublicSitting } from "@/lib/sittings/get-public-sitting";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What an archived sitting's archive does not say. */
const notGiven = <span className="text-muted">non indiqué par l&apos;archive</span>;

/** Date, place, kind, convocation, presidency and secretary of a sitting. */
export function SittingFacts({ sitting }: { sitting: PublicSitting }) {
  return (
    <dl className="border-t border-line">
      <Fact term="Date">
        {formatDateFr(sitting.startsAt, sitting.municipality.timeZone)}
        {sitting.hourKnown ? ` à ${formatTimeFr(sitting.startsAt, sitting.municipality.timeZone)}` : ""}
      </Fact>
      <Fact term="Lieu">{sitting.place ?? notGiven}</Fact>
      <Fact term="Nature">
        {sitting.isPublic ? "Séance publique" : "Séance à huis clos"}, session {sittingKindLabel(sitting.kind).toLowerCase()}
        {sitting.reconvened ? " (réunie à nouveau faute de quorum, article L 2121-17 du CGCT)" : ""}
      </Fact>
      <Fact term="Convocation">
        {sitting.convocationDate ? `Adressée le ${formatDateFr(isoDay(sitting.convocationDate))}` : notGiven}
        {sitting.convenedBy ? ` par ${fullName(sitting.convenedBy)}, ${councillorRole(sitting.convenedBy)}` : ""}
      </Fact>
      <Fact term="Présidence">{sitting.president ? nameWithRole(sitting.president) : notGiven}</Fact>
      <Fact term="Secrétaire de séance">{sitting.secretary ? fullName(sitting.secretary) : notGiven}</Fact>
      {sitting.listPostedAt ? (
        <Fact term="Liste des délibérations affichée le">{formatDateFr(isoDay(sitting.listPostedAt))}</Fact>
      ) : null}
    </dl>
  );
}
