import { localDay } from "@/lib/domain";
import { statedMatterLabel } from "@/lib/domain";

// schema.org Legislation for a deliberation page, so search engines and
// re-users can read the act's identity without scraping it.

export type LegislationInput = {
  number: string;
  subject: string;
  matterCode: string | null;
  isDemo: boolean;
  publishedAt: Date;
  sittingStartsAt: Date;
  /** The municipality's time zone: the act's date is its sitting's local day. */
  timeZone: string;
  communeName: string;
  municipalityName: string;
  url: string;
};


export function legislationJsonLd(input: LegislationInput): Record<string, unknown> {
  const matter = statedMatterLabel(input.matterCode) ?? undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Legislation",
    "@id": input.url,
    url: input.url,
    name: input.subject,
    legislationIdentifier: input.number,
    legislationType: "Délibération du conseil municipal",
    legislationDate: localDay(input.sittingStartsAt, input.timeZone),
    datePublished: input.publishedAt.toISOString(),
    inLanguage: "fr",
    legislationJurisdiction: { "@type": "AdministrativeArea", name: input.communeName, addressCountry: "FR" },
    legislationPassedBy: { "@type": "GovernmentOrganization", name: `Conseil municipal, ${input.municipalityName}` },
    about: matter ? { "@type": "Thing", name: matter, identifier: input.matterCode } : undefined,
    ...(input.isDemo ? { disambiguatingDescription: "Donnée de démonstration : acte fictif, ce n'est pas un acte de la commune." } : {}),
  };
}

/** The JSON for a <script type="application/ld+json">, safe inside HTML. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
