import Link from "next/link";
import { DemoBadge } from "@/components/ui/demo-notice";
import type { CouncillorRecordSummary } from "@/lib/councillor-records/list-councillor-records";
import { formatCouncillorName, roleLabel } from "@/lib/domain";
import { formatRate } from "./format-rate";

export const COUNCILLOR_SORTS = ["nom", "fonction", "presence", "rapports"] as const;
export type CouncillorSort = (typeof COUNCILLOR_SORTS)[number];
export type SortOrder = "asc" | "desc";

const COLUMNS: { sort: CouncillorSort; label: string; numeric?: boolean }[] = [
  { sort: "nom", label: "Élu" },
  { sort: "fonction", label: "Fonction" },
  { sort: "presence", label: "Présence aux séances", numeric: true },
  { sort: "rapports", label: "Rapports présentés", numeric: true },
];

function SortHeader({ column, sort, order }: { column: (typeof COLUMNS)[number]; sort: CouncillorSort; order: SortOrder }) {
  const active = column.sort === sort;
  const nextOrder: SortOrder = active ? (order === "asc" ? "desc" : "asc") : column.numeric ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined} className={`p-2 ${column.numeric ? "text-right" : "text-left"}`}>
      <Link href={`/elus?tri=${column.sort}&ordre=${nextOrder}`} className="font-semibold">
        {column.label}
        <span className="sr-only">
          {active ? `, trié ${order === "asc" ? "par ordre croissant" : "par ordre décroissant"}` : ""} ; trier{" "}
          {nextOrder === "asc" ? "par ordre croissant" : "par ordre décroissant"}
        </span>
        <span aria-hidden="true">{active ? (order === "asc" ? " ▲" : " ▼") : " ↕"}</span>
      </Link>
    </th>
  );
}

/** The councillors with their attendance, sortable by each column through links (the state stays in the URL). */
export function CouncillorTable({ councillors, sort, order }: { councillors: CouncillorRecordSummary[]; sort: CouncillorSort; order: SortOrder }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Élus du conseil municipal, avec leur taux de présence</caption>
        <thead className="border-b-2 border-line">
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.sort} column={column} sort={sort} order={order} />
            ))}
          </tr>
        </thead>
        <tbody>
          {councillors.map((councillor) => (
            <tr key={councillor.id} className="border-b border-line">
              <th scope="row" className="p-2 text-left font-normal">
                <Link href={`/elus/${councillor.id}`}>{formatCouncillorName(councillor)}</Link>
                {councillor.isDemo ? (
                  <>
                    {" "}
                    <DemoBadge />
                  </>
                ) : null}
              </th>
              <td className="p-2">{councillor.roleLabel ?? roleLabel(councillor.role, councillor.civility)}</td>
              <td className="p-2 text-right">
                {formatRate(councillor.attendanceRate)}
                <span className="block text-sm text-muted">
                  {councillor.sittings ? `${councillor.present} sur ${councillor.sittings}` : "aucune séance publiée"}
                </span>
              </td>
              <td className="p-2 text-right">{councillor.reported}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
