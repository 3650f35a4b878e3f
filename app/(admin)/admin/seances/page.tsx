import type { Metadata } from "next";
import Link from "next/link";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateFr, formatTimeFr } from "@/lib/domain/format";
import { listSittings } from "@/lib/sittings/list-sittings";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const metadata: Metadata = { title: "Séances · Espace du greffe" };

export default async function AdminSittingsPage() {
  const actor = await getPageUser();
  const [sittings, { timeZone }] = await Promise.all([listSittings({ db: getPrisma(), actor }), getCurrentMunicipality()]);
  const canEdit = Boolean(actor && EDITOR_ROLES.includes(actor.role));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Séances</h1>
        {canEdit ? (
          <Link href="/admin/seances/nouvelle" className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-hover hover:text-white">
            Nouvelle séance
          </Link>
        ) : null}
      </div>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Séances du conseil municipal, les plus récentes d&apos;abord</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Lieu</th>
            <th scope="col" className="py-2 pr-3">Délibérations</th>
          </tr>
        </thead>
        <tbody>
          {sittings.map((sitting) => (
            <tr key={sitting.id} className="border-b border-line">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/seances/${sitting.id}`}>
                  {formatDateFr(sitting.startsAt, timeZone)} à {formatTimeFr(sitting.startsAt, timeZone)}
                </Link>
                {sitting.isDemo ? <span className="ml-2 text-sm text-muted">(fictive)</span> : null}
              </th>
              <td className="py-2 pr-3">{sitting.place}</td>
              <td className="py-2 pr-3">{sitting._count.deliberations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
