import type { Metadata } from "next";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel } from "@/lib/audit/audit-labels";
import { listAuditEvents, type AuditFilters } from "@/lib/audit/list-audit-events";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/validations/common";
import { countOf } from "@/lib/domain/plural";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { calendarDayParam, firstValue, pageParam, textParam } from "@/lib/validations/request-params";

export const metadata: Metadata = { title: "Journal d'audit · Espace du greffe" };

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return firstValue(value)?.trim() ?? "";
}

/** Far past the last page of any real trail; `page=1e300` reads as page 1. */
const MAX_PAGE = 100_000;

function filtersOf(search: Search): AuditFilters {
  const userId = one(search.utilisateur);
  return {
    entity: textParam(search.objet, 100) || undefined,
    action: textParam(search.action, 100) || undefined,
    userId: isUuid(userId) ? userId : undefined,
    from: calendarDayParam(search.du),
    to: calendarDayParam(search.au),
    page: pageParam(search.page, MAX_PAGE),
  };
}


export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getPageUser();
  if (!actor || !ADMIN_ROLES.includes(actor.role)) return <ForbiddenNotice title="Journal d'audit" />;
  const search = await searchParams;
  const filters = filtersOf(search);
  // The municipality's clock, the one the day filter reads too.
  const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: (await getCurrentMunicipality()).timeZone });
  const { events, total, page, pages, entities, users, names } = await listAuditEvents({ db: getPrisma(), actor, filters });
  // The before / after values, with each known identifier replaced by what it names.
  const readable = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" && names[item.toLowerCase()] ? names[item.toLowerCase()] : item), 2);
  const pageLink = (target: number) => {
    const params = new URLSearchParams(Object.entries(search).flatMap(([key, value]) => (typeof value === "string" && key !== "page" ? [[key, value]] : [])));
    params.set("page", String(target));
    return `/admin/journal?${params.toString()}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Journal d&apos;audit</h1>
      <p>
        Chaque écriture du portail y est inscrite au moment même où elle a lieu, chaînée à la précédente par son empreinte : la base de données
        refuse toute modification ou suppression. Des points de contrôle signés de la chaîne sont publiés à chaque publication, dans le{" "}
        <Link href="/flux/journal.json">flux du journal</Link>, de sorte que toute altération serait décelable.
      </p>
      <form className="grid gap-3 rounded border border-line bg-surface p-4 sm:grid-cols-3" action="/admin/journal">
        <div className="flex flex-col gap-1">
          <label htmlFor="objet" className="font-medium">Objet</label>
          <select id="objet" name="objet" defaultValue={filters.entity ?? ""} className="rounded border border-ink bg-white px-3 py-2">
            <option value="">Tous</option>
            {entities.map((entity) => (
              <option key={entity} value={entity}>{auditEntityLabel(entity)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="font-medium">Action</label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className="rounded border border-ink bg-white px-3 py-2">
            <option value="">Toutes</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="utilisateur" className="font-medium">Auteur</label>
          <select id="utilisateur" name="utilisateur" defaultValue={filters.userId ?? ""} className="rounded border border-ink bg-white px-3 py-2">
            <option value="">Tous</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>{user.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="du" className="font-medium">Du</label>
          <input id="du" name="du" type="date" defaultValue={filters.from ?? ""} className="rounded border border-ink bg-white px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="au" className="font-medium">Au</label>
          <input id="au" name="au" type="date" defaultValue={filters.to ?? ""} className="rounded border border-ink bg-white px-3 py-2" />
        </div>
        <div className="flex items-end">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-hover">Filtrer</button>
        </div>
      </form>
      <p aria-live="polite">
        {countOf(total, "événement")} · page {page} sur {pages}
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Événements du journal d&apos;audit, les plus récents d&apos;abord</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-3">N°</th>
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Auteur</th>
            <th scope="col" className="py-2 pr-3">Action</th>
            <th scope="col" className="py-2 pr-3">Détail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={String(event.id)} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-3 font-normal">{String(event.id)}</th>
              <td className="py-2 pr-3">{dateTime.format(event.occurredAt)}</td>
              <td className="py-2 pr-3">{event.user?.name ?? "Système"}</td>
              <td className="py-2 pr-3">
                {auditActionLabel(event.action)}
                {event.entityId ? (
                  <span className="block break-words text-muted">{names[event.entityId.toLowerCase()] ?? auditEntityLabel(event.entity)}</span>
                ) : null}
              </td>
              <td className="py-2 pr-3">
                <details>
                  <summary className="cursor-pointer text-brand">Avant / après</summary>
                  <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap break-all bg-surface p-2 text-xs">
                    {readable({ avant: event.before, après: event.after })}
                  </pre>
                  <p className="break-all text-xs text-muted">Empreinte : {event.hash}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages du journal" className="flex gap-4">
        {page > 1 ? <Link href={pageLink(page - 1)}>Page précédente</Link> : null}
        {page < pages ? <Link href={pageLink(page + 1)}>Page suivante</Link> : null}
      </nav>
    </div>
  );
}
