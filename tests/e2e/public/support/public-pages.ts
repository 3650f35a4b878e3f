import { councillorId, rejectedDeliberationNumber, secretBallotDeliberationNumber, withdrawnDeliberationNumber } from "./db";

/** A public page to visit; `url` is read from the seed when it depends on it. */
export type PublicPage = { name: string; url: string | (() => Promise<string>); status?: number };

const seeded = (find: () => Promise<string | null>, what: string, prefix: string) => async () => {
  const found = await find();
  if (!found) throw new Error(`the seed holds ${what}`);
  return `${prefix}${found}`;
};

/** Every kind of public page, with the seed's examples: what the phone layout and axe tests visit. */
export const PUBLIC_PAGES: PublicPage[] = [
  { name: "home", url: "/" },
  { name: "séances", url: "/seances" },
  { name: "séances filtered by year", url: "/seances?annee=2022" },
  { name: "a séance", url: "/seances/2022-04-07" },
  { name: "a demo séance", url: "/seances/2018-11-15" },
  { name: "a convened demo séance, not yet held, with its agenda", url: "/seances/2020-02-06" },
  { name: "an archived demo séance (imported from SCDL)", url: "/seances/2012-11-22" },
  { name: "the register", url: "/registre" },
  { name: "délibérations", url: "/deliberations" },
  { name: "délibérations, page 2", url: "/deliberations?page=2" },
  { name: "the reference deliberation", url: "/deliberations/DL.2022-91" },
  { name: "an archived demo deliberation (imported from SCDL)", url: "/deliberations/2012-11-001" },
  { name: "a rejected deliberation", url: seeded(rejectedDeliberationNumber, "a rejected act", "/deliberations/") },
  { name: "a withdrawn deliberation", url: seeded(withdrawnDeliberationNumber, "a withdrawn act", "/deliberations/") },
  { name: "a secret-ballot deliberation", url: seeded(secretBallotDeliberationNumber, "a secret ballot", "/deliberations/") },
  { name: "the search form", url: "/recherche" },
  { name: "a search with results", url: "/recherche?q=convention+territoriale" },
  { name: "a search with filters", url: "/recherche?q=convention&annee=2022&tri=date" },
  { name: "a search for a councillor", url: "/recherche?q=Fabienne+VINCENTI" },
  { name: "a search without results", url: "/recherche?q=%21%21%21" },
  { name: "the councillors", url: "/elus" },
  { name: "a councillor", url: seeded(() => councillorId("BOUDON"), "Jacques BOUDON", "/elus/") },
  { name: "open data", url: "/donnees" },
  { name: "statistics", url: "/statistiques" },
  { name: "verification", url: "/verifier" },
  { name: "the audit checkpoints", url: "/verifier/journal" },
  { name: "the accessibility statement", url: "/accessibilite" },
  { name: "an unknown deliberation", url: "/deliberations/DL.1900-1", status: 404 },
  { name: "an unknown page", url: "/cette-page-n-existe-pas", status: 404 },
];

export async function urlOf(page: PublicPage): Promise<string> {
  return typeof page.url === "string" ? page.url : page.url();
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
