import { withClosingPunctuation } from "@/lib/domain";
import { fullName, nameWithRole } from "@/lib/deliberations/extract-wording";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";

/** The president of the sitting signs, and since July 2022 a second signatory. */
export function Signatures({
  president,
  cosignatory,
  cosignatoryTitle,
}: {
  president: CouncillorRef;
  cosignatory: CouncillorRef | null;
  cosignatoryTitle: string | null;
}) {
  return (
    <section aria-labelledby="signatures" className="avoid-break mt-8 grid gap-6 sm:grid-cols-2">
      <h2 id="signatures" className="sr-only">
        Signatures
      </h2>
      <div>
        <p>Ont signé {nameWithRole(president)}</p>
        <p>Président de séance et les membres du conseil présents :</p>
      </div>
      {cosignatory ? (
        <div className="sm:text-right">
          {cosignatoryTitle ? <p>{withClosingPunctuation(cosignatoryTitle, ",")}</p> : null}
          <p>{fullName(cosignatory)}</p>
        </div>
      ) : null}
    </section>
  );
}
