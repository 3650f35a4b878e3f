import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isUuid } from "@/lib/validations/common";
import { CouncillorGroups } from "@/components/councillors/councillor-groups";
import { DeliberationLinks } from "@/components/councillors/deliberation-links";
import { formatRate } from "@/components/councillors/format-rate";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DemoNotice } from "@/components/ui/demo-notice";
import { getCouncillorRecord, type SittingPresence } from "@/lib/councillor-records/get-councillor-record";
import { formatCouncillorName, formatDateFr, isoDay, roleLabel } from "@/lib/domain";
import { getCouncillorGroups } from "@/lib/groups/public-groups";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { countOf } from "@/lib/domain/plural";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  if (!isUuid(id)) return null;
  const municipality = await getCurrentMunicipality();
  const [record, groups] = await Promise.all([getCouncillorRecord({ municipalityId: municipality.id, id }), getCouncillorGroups({ municipalityId: municipality.id, councillorId: id })]);
  return record ? { ...record, groups } : null;
});

const PRESENCE: Record<SittingPresence, string> = {
  PRESENT: "Présent",
  REPRESENTED: "Représenté (pouvoir donné)",
  EXCUSED: "Excusé",
  ABSENT: "Absent",
};

function presenceLabel(presence: SittingPresence, civility: "MONSIEUR" | "MADAME"): string {
  const label = PRESENCE[presence];
  return civility === "MADAME" ? label.replace(/^(Présent|Représenté|Excusé|Absent)/, "$1e") : label;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await load((await params).id);
  return { title: record ? `${formatCouncillorName(record)}${record.isDemo ? " (fictif)" : ""}` : "Élu introuvable" };
}

export default async function CouncillorPage({ params }: Props) {
  const [record, municipality] = await Promise.all([load((await params).id), getCurrentMunicipality()]);
  if (!record) notFound();
  const name = formatCouncillorName(record);
  const present = record.sittings.filter((sitting) => sitting.presence === "PRESENT").length;
  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Élus", href: "/elus" }, { label: name }]} />
      {record.isDemo ? <DemoNotice /> : null}
      <h1 className="text-3xl font-bold">{name}</h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Fonction</dt>
        <dd>{record.roleLabel ?? roleLabel(record.role, record.civility)}</dd>
        <CouncillorGroups memberships={record.groups} />
        <dt className="font-semibold">Mandat</dt>
        <dd>
          depuis le {formatDateFr(isoDay(record.mandateStart))}
          {record.mandateEnd ? ` jusqu'au ${formatDateFr(isoDay(record.mandateEnd))}` : ""}
        </dd>
        <dt className="font-semibold">Présence</dt>
        <dd data-testid="attendance-rate">
          {formatRate(record.attendanceRate)}
          {record.sittings.length ? ` (présent à ${countOf(present, "séance")} sur ${record.sittings.length})` : " (aucune séance publiée pendant le mandat)"}
        </dd>
        <dt className="font-semibold">Pouvoirs</dt>
        <dd>
          {countOf(record.proxiesGiven.length, "donné")}, {countOf(record.proxiesHeld.length, "reçu")} (par délibération)
        </dd>
      </dl>

      <section aria-labelledby="sittings-heading" className="mt-8">
        <h2 id="sittings-heading" className="text-2xl font-bold">Présence aux séances du mandat</h2>
        {record.sittings.length === 0 ? (
          <p className="mt-2 text-muted">Aucune séance publiée pendant le mandat.</p>
        ) : (
          <table className="mt-2 w-full max-w-2xl border-collapse text-left">
            <caption className="sr-only">Présence de {name} à chaque séance</caption>
            <thead className="border-b-2 border-line">
              <tr>
                <th scope="col" className="p-2">Séance</th>
                <th scope="col" className="p-2">Présence</th>
              </tr>
            </thead>
            <tbody>
              {record.sittings.map((sitting) => (
                <tr key={sitting.id} className="border-b border-line">
                  <th scope="row" className="p-2 font-normal">
                    {sitting.slug ? <Link href={`/seances/${sitting.slug}`}>{formatDateFr(sitting.startsAt, municipality.timeZone)}</Link> : formatDateFr(sitting.startsAt, municipality.timeZone)}
                  </th>
                  <td className="p-2" data-testid={`presence-${sitting.slug ?? sitting.id}`}>{presenceLabel(sitting.presence, record.civility)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <DeliberationLinks
        id="given-heading"
        title="Pouvoirs donnés"
        items={record.proxiesGiven.map((entry) => ({ ...entry, note: entry.holder ? `à ${formatCouncillorName(entry.holder)}` : undefined }))}
        empty="Aucun pouvoir donné."
        zone={municipality.timeZone}
      />
      <DeliberationLinks
        id="held-heading"
        title="Pouvoirs reçus"
        items={record.proxiesHeld.map((entry) => ({ ...entry, note: `de ${formatCouncillorName(entry.giver)}` }))}
        empty="Aucun pouvoir reçu."
        zone={municipality.timeZone}
      />
      <DeliberationLinks id="reported-heading" title="Délibérations rapportées" items={record.reported} empty="Aucune délibération rapportée." zone={municipality.timeZone} />
      <DeliberationLinks id="against-heading" title="Votes contre" items={record.votesAgainst} empty="Aucun vote contre (scrutins publics)." zone={municipality.timeZone} />
      <DeliberationLinks id="abstentions-heading" title="Abstentions" items={record.abstentions} empty="Aucune abstention (scrutins publics)." zone={municipality.timeZone} />
    </div>
  );
}
