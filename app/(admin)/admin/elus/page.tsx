import type { Metadata } from "next";
import Link from "next/link";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/domain/calendar";
import { listCouncillors } from "@/lib/councillors/list-councillors";
import { getPrisma } from "@/lib/db/prisma";
import { textParam } from "@/lib/validations/request-params";
import { formatDateShortFr, roleLabel } from "@/lib/domain/format";
import { countOf } from "@/lib/domain/plural";

export const metadata: Metadata = { title: "Élus · Espace du greffe" };

export default async function CouncillorsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const q = textParam((await searchParams).q, 100);
  const actor = await getPageUser();
  const councillors = await listCouncillors({ db: getPrisma(), actor, query: q });
  const canEdit = Boolean(actor && EDITOR_ROLES.includes(actor.role));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Élus</h1>
        {canEdit ? (
          <Link href="/admin/elus/nouveau" className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-hover hover:text-white">
            Ajouter un élu
          </Link>
        ) : null}
      </div>
      <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/elus">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">
            Rechercher par nom ou prénom
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="rounded border border-ink px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft">
          Rechercher
        </button>
      </form>
      <p aria-live="polite">
        {countOf(councillors.length, "élu")}
        {q ? ` pour « ${q} »` : ""}
      </p>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Élus de la collectivité</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-3">Nom</th>
            <th scope="col" className="py-2 pr-3">Fonction</th>
            <th scope="col" className="py-2 pr-3">Mandat</th>
          </tr>
        </thead>
        <tbody>
          {councillors.map((councillor) => (
            <tr key={councillor.id} className="border-b border-line">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/elus/${councillor.id}`}>
                  {councillor.lastName} {councillor.firstName}
                </Link>
                {councillor.isDemo ? <span className="ml-2 text-sm text-muted">(fictif)</span> : null}
              </th>
              <td className="py-2 pr-3">{councillor.roleLabel ?? roleLabel(councillor.role, councillor.civility)}</td>
              <td className="py-2 pr-3">
                depuis le {formatDateShortFr(isoDay(councillor.mandateStart))}
                {councillor.mandateEnd ? `, terminé le ${formatDateShortFr(isoDay(councillor.mandateEnd))}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
