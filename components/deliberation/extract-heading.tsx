import Link from "next/link";
import { formatDateFr, registerTitle } from "@/lib/domain";
import { ofMunicipality } from "@/lib/deliberations/extract-wording";

/** The head of the extract: register, number, sitting, presidency. */
export function ExtractHeading({
  municipalityName,
  number,
  sitting,
  presidency,
  zone,
}: {
  municipalityName: string;
  zone: string;
  number: string;
  sitting: { slug: string; startsAt: Date; isPublic: boolean };
  presidency: string;
}) {
  return (
    <header className="text-center">
      <h1 className="text-xl font-bold tracking-wide break-words sm:text-2xl">
        <span className="block">{registerTitle(ofMunicipality(municipalityName))}</span>
        <span className="mt-2 block text-brand print:text-black">N° {number}</span>
      </h1>
      <p className="mt-4 font-semibold">
        {sitting.isPublic ? "Séance publique" : "Séance à huis clos"} du{" "}
        <Link href={`/seances/${sitting.slug}`}>{formatDateFr(sitting.startsAt, zone)}</Link>
      </p>
      <p className="font-semibold">Présidence de {presidency}</p>
    </header>
  );
}
