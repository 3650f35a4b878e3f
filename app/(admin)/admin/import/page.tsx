import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { ImportUpload } from "@/components/admin/import-upload";
import { refreshPublicPagesAfterImportAction } from "./actions";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { listArchiveImports } from "@/lib/import/list-archive-imports";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const metadata: Metadata = { title: "Import d'archives · Espace du greffe" };

const FORMAT_LABELS: Record<string, string> = { scdl: "SCDL (CSV)", minutes: "Procès-verbal ou extrait", registre: "Export Registre" };

export default async function ImportPage() {
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Import d'archives" />;
  const [imports, { timeZone }] = await Promise.all([listArchiveImports({ db: getPrisma(), actor }), getCurrentMunicipality()]);
  const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone });
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Import d&apos;archives</h1>
        <p className="mt-2 max-w-3xl">
          Les actes votés avant Registre entrent ici sans ressaisie : un fichier SCDL « Délibérations », ou un procès-verbal ou extrait ancien dont
          l&apos;assistant propose la séance, les présences et les délibérations, que vous corrigez avant l&apos;import. Les règles sont celles de la saisie :
          décomptes, pouvoirs, identifiants ACTES. Un acte déjà présent n&apos;est jamais modifié ; les actes importés sont publiés à leur date, avec la mention
          de leur archive.
        </p>
      </div>
      <section aria-labelledby="nouvel-import" className="flex flex-col gap-3">
        <h2 id="nouvel-import" className="text-2xl font-bold">
          Nouvel import
        </h2>
        <ImportUpload refreshPublicPages={refreshPublicPagesAfterImportAction} />
      </section>
      <section aria-labelledby="historique" className="flex flex-col gap-3">
        <h2 id="historique" className="text-2xl font-bold">
          Imports enregistrés
        </h2>
        {imports.length === 0 ? (
          <p>Aucun import pour l&apos;instant.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Imports d&apos;archives, du plus récent au plus ancien</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Fichier</th>
                  <th scope="col">Format</th>
                  <th scope="col">Par</th>
                  <th scope="col">Lignes lues</th>
                  <th scope="col">Actes créés</th>
                  <th scope="col">Inchangés</th>
                  <th scope="col">Écartés</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((row) => (
                  <tr key={row.id} className="border-t border-line align-top">
                    <td>{dateTime.format(row.startedAt)}</td>
                    <td>
                      {row.fileName}
                      <span className="block break-all text-xs text-muted">SHA-256 {row.sha256}</span>
                    </td>
                    <td>{FORMAT_LABELS[row.format] ?? row.format}</td>
                    <td>{row.importedBy ?? "l'installation (ligne de commande)"}</td>
                    <td>{row.rowsRead.toLocaleString("fr-FR")}</td>
                    <td>{row.created.toLocaleString("fr-FR")}</td>
                    <td>{row.unchanged.toLocaleString("fr-FR")}</td>
                    <td>{row.skipped.toLocaleString("fr-FR")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
