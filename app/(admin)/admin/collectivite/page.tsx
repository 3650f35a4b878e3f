import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { MunicipalityForm } from "@/components/admin/municipality-form";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMunicipalitySettings } from "@/lib/municipality/get-municipality-settings";
import { updateMunicipalitySettingsAction } from "./actions";

export const metadata: Metadata = { title: "Collectivité · Espace du greffe" };

export default async function MunicipalitySettingsPage() {
  const actor = await getPageUser();
  if (!actor || !ADMIN_ROLES.includes(actor.role)) return <ForbiddenNotice title="Collectivité" />;
  const municipality = await getMunicipalitySettings({ db: getPrisma(), actor });
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
          }}
          submit={updateMunicipalitySettingsAction}
        />
      </section>
    </div>
  );
}
