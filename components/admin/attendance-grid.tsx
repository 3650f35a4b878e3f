"use client";

import type { AttendanceInput } from "@/lib/validations/deliberation";

export type AttendanceRow = AttendanceInput["entries"][number];

const ATTENDANCE_OPTIONS = [
  { value: "PRESENT", label: "Présent" },
  { value: "REPRESENTED", label: "Représenté (pouvoir)" },
  { value: "EXCUSED", label: "Excusé" },
  { value: "ABSENT", label: "Absent" },
] as const;

/** A row's new values: a holder only stays for a represented councillor. */
export function withStatusRule<Row extends AttendanceRow>(row: Row, change: Partial<Row>): Row {
  const next = { ...row, ...change };
  return next.status === "REPRESENTED" ? next : { ...next, proxyHolderId: "" };
}

/**
 * One row per councillor: presence, proxy holder when represented, remark. Each
 * row's problems (from the live checks or the server) are read with its fields.
 */
export function AttendanceGrid({
  idPrefix,
  caption,
  rows,
  nameOf,
  holdersFor,
  problemsOf,
  onChange,
}: {
  idPrefix: string;
  caption: string;
  rows: readonly AttendanceRow[];
  nameOf: (councillorId: string) => string;
  /** Who may hold the proxy of the row's councillor. */
  holdersFor: (row: AttendanceRow) => readonly { id: string; name: string }[];
  problemsOf: (index: number) => readonly string[];
  onChange: (index: number, change: Partial<AttendanceRow>) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-xl border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-2">Élu</th>
            <th scope="col" className="py-2 pr-2">Présence</th>
            <th scope="col" className="py-2 pr-2">Pouvoir donné à</th>
            <th scope="col" className="py-2 pr-2">Remarque</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const name = nameOf(row.councillorId);
            const problems = [...new Set(problemsOf(index))];
            const errorId = `${idPrefix}-${index}-erreur`;
            const describedBy = problems.length ? errorId : undefined;
            return (
              <tr key={row.councillorId} className={`border-b border-line align-top ${problems.length ? "bg-danger-soft" : ""}`}>
                <th scope="row" className="py-1 pr-2 font-normal">
                  {name}
                  {problems.length ? (
                    <span id={errorId} className="block text-xs font-medium text-danger">
                      {problems.join(" ")}
                    </span>
                  ) : null}
                </th>
                <td className="py-1 pr-2">
                  <StatusSelect id={`${idPrefix}-presence-${index}`} label={`Présence de ${name}`} value={row.status} onChange={(status) => onChange(index, { status })} describedBy={describedBy} />
                </td>
                <td className="py-1 pr-2">
                  {row.status === "REPRESENTED" ? (
                    <HolderSelect
                      id={`${idPrefix}-mandataire-${index}`}
                      label={`Mandataire de ${name}`}
                      value={row.proxyHolderId ?? ""}
                      holders={holdersFor(row)}
                      onChange={(proxyHolderId) => onChange(index, { proxyHolderId })}
                      describedBy={describedBy}
                    />
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  <label htmlFor={`${idPrefix}-remarque-${index}`} className="sr-only">
                    Remarque sur la présence de {name}
                  </label>
                  <input
                    id={`${idPrefix}-remarque-${index}`}
                    value={row.note ?? ""}
                    onChange={(event) => onChange(index, { note: event.target.value })}
                    className="w-full rounded border border-ink px-2 py-1"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const SELECT_CLASS = "max-w-56 rounded border border-ink bg-white px-2 py-1";

/** Present, represented, excused or absent, labelled for screen readers. */
export function StatusSelect(props: { id: string; label: string; value: AttendanceRow["status"]; onChange: (status: AttendanceRow["status"]) => void; describedBy?: string }) {
  return (
    <>
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value as AttendanceRow["status"])} aria-describedby={props.describedBy} className={SELECT_CLASS}>
        {ATTENDANCE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** The proxy holder, among those who may hold it; invalid when the row has a problem. */
export function HolderSelect(props: {
  id: string;
  label: string;
  value: string;
  holders: readonly { id: string; name: string }[];
  onChange: (holderId: string) => void;
  describedBy?: string;
}) {
  return (
    <>
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.describedBy ? true : undefined}
        aria-describedby={props.describedBy}
        className={SELECT_CLASS}
      >
        <option value="">— Choisir le mandataire —</option>
        {props.holders.map((holder) => (
          <option key={holder.id} value={holder.id}>
            {holder.name}
          </option>
        ))}
      </select>
    </>
  );
}
