import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { DerogationWindowForm } from "@/components/admin/derogation-window-form";
import { EMPTY_DEROGATION_WINDOW } from "@/lib/validations/derogation-window";
import { MunicipalityForm } from "@/components/admin/municipality-form";
import { StatusButton } from "@/components/admin/status-button";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateFr } from "@/lib/domain/format";
import { countOf } from "@/lib/domain/plural";
import { listDerogationWindows } from "@/lib/municipality/derogation-windows";
import { getMunicipalitySettings } from "@/lib/municipality/get-municipality-settings";
import { derogationWindowFormValues } from "@/lib/validations/derogation-window";
import { removeDerogationWindowAction, saveDerogationWindowAction, updateMunicipalitySettingsAction } from "./actions";

export const metadata: Metadata = { title: "Collectivité · Espace du greffe" };

export default async function MunicipalitySettingsPage() {
  const actor = await getPageUser();
  if (!actor || !ADMIN_ROLES.includes(actor.role)) return <ForbiddenNotice title="Collectivité" />;
  const [municipality, windows] = await Promise.all([getMunicipalitySettings({ db: getPrisma(), actor }), listDerogationWindows({ db: getPrisma(), actor })]);
  const othersThan = (id: string | null) => windows.filter((window) => window.id !== id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Collectivité</h1>
      <section aria-labelledby="identifiants" className="flex max-w-2xl flex-col gap-3">
        <h2 id="identifiants" className="text-2xl font-bold">Identifiants</h2>
        <p>
          Ces identifiants désignent la collectivité et entrent dans les identifiants ACTES des actes transmis en préfecture : ils
          ne se modifient pas ici. S&apos;ils sont erronés, adressez-vous à l&apos;hébergeur du portail.
        </p>
        <dl className="grid gap-x-6 gap-y-1 rounded bg-surface p-4 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">
            <abbr title="Système d'identification du répertoire des entreprises">SIREN</abbr>
          </dt>
          <dd className="font-mono">{municipality.siren}</dd>
          <dt className="font-semibold">
            <abbr title="Système d'identification du répertoire des établissements">SIRET</abbr>
          </dt>
          <dd className="font-mono">{municipality.siret}</dd>
          <dt className="font-semibold">Département</dt>
          <dd className="font-mono">{municipality.departmentCode}</dd>
        </dl>
      </section>
      <section aria-labelledby="reglages" className="flex flex-col gap-3">
        <h2 id="reglages" className="text-2xl font-bold">Coordonnées et mentions</h2>
        <p className="max-w-2xl">
          Le portail public affiche ces informations dans ses pages, son pied de page et au pied de chaque délibération. Le
          nombre de membres en exercice sert au calcul du quorum.
        </p>
        <MunicipalityForm
          initialValues={{
            name: municipality.name,
            communeName: municipality.communeName,
            address: municipality.address,
            email: municipality.email ?? "",
            phone: municipality.phone ?? "",
            website: municipality.website ?? "",
            administrativeCourt: municipality.administrativeCourt,
            membersInOffice: String(municipality.membersInOffice),
            appealNotice: municipality.appealNotice,
            annexNotice: municipality.annexNotice ?? "",
            timeZone: municipality.timeZone,
            population: municipality.population === null ? "" : String(municipality.population),
          }}
          submit={updateMunicipalitySettingsAction}
        />
      </section>
      <section aria-labelledby="derogations" className="flex max-w-2xl flex-col gap-3">
        <h2 id="derogations" className="text-2xl font-bold">Périodes dérogatoires</h2>
        <p>
          Pendant ces périodes, le quorum et le nombre de pouvoirs par mandataire suivent la dérogation plutôt que les articles L2121-17 et
          L2121-20 du CGCT : le calcul du quorum, la vérification des pouvoirs et la base de données s&apos;en servent pour chaque séance. Les
          périodes nationales de la crise sanitaire (2020–2022) sont données d&apos;office ; corrigez-les ou complétez-les si votre collectivité
          en a connu d&apos;autres (en Guyane et à Mayotte, par exemple). Une période sous laquelle un acte a été publié ne se modifie plus.
        </p>
        <ul className="flex flex-col gap-4">
          {windows.map((window) => {
            const heading = `Du ${formatDateFr(window.from)} au ${formatDateFr(window.to)}`;
            return (
              <li key={window.id} className="rounded border border-line p-4">
                <h3 className="text-xl font-bold">{heading}</h3>
                <p>
                  Quorum : {window.quorumFraction.numerator}/{window.quorumFraction.denominator} des membres en exercice présents ;{" "}
                  {countOf(window.maxProxiesPerHolder, "pouvoir")} par mandataire au plus. {window.legalBasis}.
                </p>
                {window.coversPublishedAct ? (
                  <p className="text-muted">Des actes publiés ont été adoptés sous cette période : elle ne se modifie plus.</p>
                ) : (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-brand underline">Modifier la période {heading.toLowerCase()}</summary>
                    <div className="mt-3 flex flex-col gap-3">
                      <DerogationWindowForm
                        idPrefix={`periode-${window.id}`}
                        initialValues={derogationWindowFormValues(window)}
                        others={othersThan(window.id)}
                        submit={saveDerogationWindowAction.bind(null, window.id)}
                        submitLabel="Enregistrer la période"
                      />
                      <StatusButton
                        label="Supprimer la période"
                        confirmation={`Supprimer la période dérogatoire ${heading.toLowerCase()} ?`}
                        run={removeDerogationWindowAction.bind(null, window.id)}
                      />
                    </div>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
        <h3 className="text-xl font-bold">Ajouter une période</h3>
        <DerogationWindowForm
          idPrefix="nouvelle-periode"
          initialValues={EMPTY_DEROGATION_WINDOW}
          others={othersThan(null)}
          submit={saveDerogationWindowAction.bind(null, null)}
          submitLabel="Ajouter la période"
        />
      </section>
    </div>
  );
}
