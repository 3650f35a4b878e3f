import "server-only";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { describeOutcome, formatDateFr } from "@/lib/domain";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { searchDeliberations } from "@/lib/search/search-deliberations";
import { searchQueryString, type SearchParams } from "@/lib/search/search-params";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/search/search-sql";
import { renderAtomFeed, type AtomEntry } from "./atom-feed";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { matterCaption } from "@/lib/domain";

export const FEED_SIZE = 50;
const DEMO_PREFIX = "[Démonstration, fictif] ";

type Municipality = { id: string; name: string; slug: string; timeZone: string };


function entryOf(site: string, zone: string, deliberation: {
  number: string;
  subject: string;
  isDemo: boolean;
  matterCode: string | null;
  publishedAt: Date;
  sittingStartsAt: Date;
  summary: string;
}): AtomEntry {
  const url = `${site}${deliberationPath(deliberation.number)}`;
  return {
    // The page's address identifies the act; a rectification keeps it (its newer version replaces the entry).
    id: url,
    title: `${deliberation.isDemo ? DEMO_PREFIX : ""}${deliberation.number} : ${deliberation.subject}`,
    url,
    updated: deliberation.publishedAt,
    published: deliberation.publishedAt,
    summary: `${deliberation.isDemo ? "Donnée de démonstration, fictive. " : ""}Séance du ${formatDateFr(deliberation.sittingStartsAt, zone)}. ${matterCaption(deliberation.matterCode)}. ${deliberation.summary}`.trim(),
    categories: deliberation.matterCode ? [deliberation.matterCode] : [],
  };
}

/** The newest publications, newest first. */
export async function renderPublicationsFeed({ municipality, baseUrl, db = getPrisma() }: {
  municipality: Municipality;
  baseUrl: string;
  db?: Db;
}): Promise<string> {
  const site = baseUrl.replace(/\/$/, "");
  const rows = await db.deliberation.findMany({
    where: publishedDeliberationWhere(municipality.id),
    orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
    take: FEED_SIZE,
    select: {
      number: true,
      subject: true,
      isDemo: true,
      matterCode: true,
      outcome: true,
      publishedAt: true,
      sitting: { select: { startsAt: true } },
      vote: { select: { presentAndRepresented: true, present: true, represented: true, abstentions: true, nonParticipation: true, expressed: true, votesFor: true, votesAgainst: true } },
    },
  });
  const entries = rows.map((row) =>
    entryOf(site, municipality.timeZone, {
      ...row,
      publishedAt: row.publishedAt ?? row.sitting.startsAt,
      sittingStartsAt: row.sitting.startsAt,
      summary: row.outcome ? `${describeOutcome({ outcome: row.outcome, tally: row.vote })}.` : "",
    }),
  );
  return renderAtomFeed({
    id: `${site}/flux/publications.atom`,
    title: `Délibérations publiées : ${municipality.name}`,
    subtitle: "Les dernières délibérations mises en ligne par la commune.",
    selfUrl: `${site}/flux/publications.atom`,
    alternateUrl: `${site}/deliberations`,
    author: municipality.name,
    updated: entries[0]?.updated ?? new Date(0),
    entries,
  });
}

const plain = (text: string) =>
  text.split(HIGHLIGHT_START).join("").split(HIGHLIGHT_STOP).join("").replace(/[#*_>`]+/g, " ").replace(/\s+/g, " ").trim();

/** The newest matches of a search (its filters included), newest sitting first. */
export async function renderSearchFeed({ municipality, params, baseUrl, db = getPrisma() }: {
  municipality: Municipality;
  params: SearchParams;
  baseUrl: string;
  db?: Db;
}): Promise<string> {
  const site = baseUrl.replace(/\/$/, "");
  const feedParams: SearchParams = { ...params, tri: "date", page: 1 };
  const result = await searchDeliberations({ municipalityId: municipality.id, params: feedParams, pageSize: FEED_SIZE, db });
  const query = searchQueryString({ ...params, tri: undefined, page: 1 });
  const entries = result.hits.map((hit) => entryOf(site, municipality.timeZone, { ...hit, summary: plain(hit.excerpt) }));
  return renderAtomFeed({
    id: `${site}/flux/recherche.atom${query ? `?${query}` : ""}`,
    title: params.q ? `Recherche « ${params.q} » : ${municipality.name}` : `Recherche dans les délibérations : ${municipality.name}`,
    subtitle: "Les délibérations publiées qui répondent à cette recherche, de la séance la plus récente à la plus ancienne.",
    selfUrl: `${site}/flux/recherche.atom${query ? `?${query}` : ""}`,
    alternateUrl: `${site}/recherche${query ? `?${query}` : ""}`,
    author: municipality.name,
    updated: entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0)),
    entries,
  });
}
