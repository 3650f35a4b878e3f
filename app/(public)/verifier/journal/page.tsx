import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { CHECKPOINTS_FEED, CHECKPOINTS_PAGE, listPublicCheckpoints } from "@/lib/audit/public-checkpoints";
import { formatDateFr, formatTimeFr } from "@/lib/domain/format";
import { countOf } from "@/lib/domain/plural";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Points de contrôle du journal d'audit",
  description: "Les points de contrôle signés du journal d'audit du portail : de quoi vérifier qu'aucune opération n'en a été effacée.",
};

export default async function AuditCheckpointsPage() {
  const [checkpoints, { timeZone }] = await Promise.all([listPublicCheckpoints(), getCurrentMunicipality()]);
  return (
    <div className="max-w-4xl">
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Vérifier un extrait", href: "/verifier" }, { label: "Journal d'audit" }]} />
      <h1 className="text-3xl font-bold">Points de contrôle du journal d&apos;audit</h1>
      <p className="mt-4">
        Chaque opération du portail (création, modification, mise en ligne d&apos;une délibération, délivrance d&apos;un extrait…)
        est inscrite dans un journal d&apos;audit où chaque inscription scelle la précédente par son empreinte. Régulièrement, et à
        chaque mise en ligne, le portail signe la dernière inscription avec le certificat qui signe ses extraits, et publie ici ce
        point de contrôle.
      </p>
      <p className="mt-2">
        Conservez-en des copies : si des inscriptions étaient un jour effacées ou réécrites, le journal ne correspondrait plus au
        point de contrôle signé, et la vérification le dirait.
      </p>

      <section aria-labelledby="copies" className="mt-8">
        <h2 id="copies" className="text-2xl font-bold">
          En garder une copie
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>
            le flux des points de contrôle, au format JSON Feed : <a href={CHECKPOINTS_FEED}>{CHECKPOINTS_FEED}</a> ;
          </li>
          <li>ou chaque point de contrôle, à télécharger dans le tableau ci-dessous.</li>
        </ul>
        <p className="mt-2">
          Le service informatique vérifie le journal avec une copie :{" "}
          <code className="break-all">npm run audit:verify -- --checkpoint point-de-controle.json</code>. La signature est aussi lisible
          par OpenSSL (<code>openssl cms -verify</code>, signature détachée du champ <code>payload</code>).
        </p>
      </section>

      <section aria-labelledby="liste" className="mt-8">
        <h2 id="liste" className="text-2xl font-bold">
          Points de contrôle signés
        </h2>
        {checkpoints.length === 0 ? (
          <p className="mt-2 text-muted">Aucun point de contrôle n&apos;a encore été signé.</p>
        ) : (
          <>
            <p className="mt-2">{countOf(checkpoints.length, "point de contrôle", "points de contrôle")}, du plus récent au plus ancien.</p>
            <div className="relative mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">Points de contrôle signés du journal d&apos;audit, du plus récent au plus ancien</caption>
                <thead className="border-b-2 border-line">
                  <tr>
                    <th scope="col" className="p-2">Point de contrôle</th>
                    <th scope="col" className="p-2">Signé le</th>
                    <th scope="col" className="p-2">Dernière inscription attestée</th>
                    <th scope="col" className="p-2">Empreinte (SHA-256)</th>
                    <th scope="col" className="p-2">Fichier</th>
                  </tr>
                </thead>
                <tbody>
                  {checkpoints.map((checkpoint) => (
                    <tr key={checkpoint.id.toString()} className="border-b border-line">
                      <th scope="row" className="p-2 font-normal">
                        n° {checkpoint.id.toString()}
                      </th>
                      <td className="p-2">
                        {formatDateFr(checkpoint.signedAt, timeZone)} à {formatTimeFr(checkpoint.signedAt, timeZone)}
                      </td>
                      <td className="p-2">n° {checkpoint.eventId.toString()}</td>
                      <td className="p-2 font-mono break-all">{checkpoint.eventHash}</td>
                      <td className="p-2">
                        <Link href={`${CHECKPOINTS_PAGE}/${checkpoint.fileName}`} prefetch={false} download>
                          Télécharger<span className="sr-only"> le point de contrôle n° {checkpoint.id.toString()}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
