import Link from "next/link";
import type { PublicSitting } from "@/lib/sittings/get-public-sitting";
import { OutcomeBadge } from "@/components/ui/outcome-badge";
import { deliberationPath } from "@/lib/publication/deliberation-path";

/**
 * The legal list of deliberations examined (L2121-25): order, number, subject, result.
 * A table from tablet width; on a phone, the same list as an ordered list (a table would scroll sideways).
 */
export function SittingDeliberationsTable({ deliberations }: { deliberations: PublicSitting["deliberations"] }) {
  return (
    <>
      <ol className="divide-y divide-line border-y border-line sm:hidden">
        {deliberations.map((deliberation) => (
          <li key={deliberation.number} className="py-3">
            <p className="font-semibold">
              <span className="tabular-nums">{deliberation.orderInSitting}.</span>{" "}
              <Link href={deliberationPath(deliberation.number)}>{deliberation.number}</Link>
            </p>
            <p className="mt-1">{deliberation.subject}</p>
            <p className="mt-1">
              <OutcomeBadge outcome={deliberation.outcome} tally={deliberation.tally} />
            </p>
          </li>
        ))}
      </ol>
      <div className="hidden sm:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">
            Délibérations examinées au cours de la séance, dans l&apos;ordre du jour, avec leur résultat
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3 text-sm">
                N° d&apos;ordre
              </th>
              <th scope="col" className="py-2 pr-3 text-sm">
                Numéro
              </th>
              <th scope="col" className="py-2 pr-3 text-sm">
                Objet
              </th>
              <th scope="col" className="py-2 text-sm">
                Résultat
              </th>
            </tr>
          </thead>
          <tbody>
            {deliberations.map((deliberation) => (
              <tr key={deliberation.number} className="border-b border-line align-top">
                <td className="py-3 pr-3 tabular-nums">{deliberation.orderInSitting}</td>
                <th scope="row" className="whitespace-nowrap py-3 pr-3 font-semibold">
                  <Link href={deliberationPath(deliberation.number)}>{deliberation.number}</Link>
                </th>
                <td className="py-3 pr-3">{deliberation.subject}</td>
                <td className="py-3">
                  <OutcomeBadge outcome={deliberation.outcome} tally={deliberation.tally} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
