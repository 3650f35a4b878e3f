import type { Civility, CouncillorRole } from "@/lib/db/generated/enums";
import type { CalendarDate, CouncillorSeed, NameOf } from "./types";

// The council of the demo data: a FICTIONAL municipal council of 55 members
// for the mandate before the reference case's (2014–2020). Every name below is
// invented; none is, or stands for, a real elected official of
// Aix-en-Provence or anyone else. The demo sittings record votes against,
// abstentions, proxies and absences: they must never be attached to the real
// councillors of reference-case.ts. Everything written from here is flagged isDemo.

/** The fictional mandate: installed after the 2014 elections, ended the day before the reference council's installation (2020-07-04). */
export const DEMO_MANDATE = { start: "2014-04-04", end: "2020-07-03" } as const satisfies { start: CalendarDate; end: CalendarDate };

function member<const First extends string, const Last extends string>(
  civility: Civility,
  firstName: First,
  lastName: Last,
  role: CouncillorRole = "COUNCILLOR",
  roleLabel: string | null = null,
): CouncillorSeed & { firstName: First; lastName: Last; isDemo: true } {
  return { civility, firstName, lastName, role, roleLabel, mandateStart: DEMO_MANDATE.start, mandateEnd: DEMO_MANDATE.end, isDemo: true };
}

/**
 * The 55 fictional members, in the order of the council's table: the mayor,
 * the deputies by rank, the delegated councillors, then the other councillors
 * (majority, then the two opposition groups), each group alphabetical.
 */
export const demoCouncillors = [
  member("MONSIEUR", "Bernard", "AUDIBERT", "MAYOR"),
  // Adjoints
  member("MADAME", "Hélène", "CASTEL", "DEPUTY_MAYOR", "1re adjointe"),
  member("MONSIEUR", "Jean-Marc", "REYNAUD", "DEPUTY_MAYOR", "2e adjoint"),
  member("MADAME", "Sylvie", "MARCHETTI", "DEPUTY_MAYOR", "3e adjointe"),
  member("MONSIEUR", "Thierry", "BARRAL", "DEPUTY_MAYOR", "4e adjoint"),
  member("MADAME", "Nathalie", "GIRAUD-MOUTTE", "DEPUTY_MAYOR", "5e adjointe"),
  member("MONSIEUR", "Patrick", "SIAUD", "DEPUTY_MAYOR", "6e adjoint"),
  member("MADAME", "Véronique", "LEBLANC", "DEPUTY_MAYOR", "7e adjointe"),
  member("MONSIEUR", "Frédéric", "ARNAUD", "DEPUTY_MAYOR", "8e adjoint"),
  // Conseillers municipaux délégués
  member("MADAME", "Marie-Claire", "FABRE", "DELEGATED_COUNCILLOR", "Conseillère municipale déléguée à la vie associative"),
  member("MONSIEUR", "Olivier", "PELLEGRIN", "DELEGATED_COUNCILLOR", "Conseiller municipal délégué à la tranquillité publique"),
  member("MADAME", "Isabelle", "TOURNIAIRE", "DELEGATED_COUNCILLOR", "Conseillère municipale déléguée à l'environnement"),
  member("MONSIEUR", "Pierre-Yves", "LE GALL", "DELEGATED_COUNCILLOR", "Conseiller municipal délégué au commerce et à l'artisanat"),
  // Conseillers municipaux: majorité
  member("MONSIEUR", "Gilbert", "BARTHÉLEMY-ROSSI"),
  member("MADAME", "Anne-Sophie", "BERTRAND"),
  member("MONSIEUR", "Christophe", "BLANC"),
  member("MADAME", "Catherine", "BONNET"),
  member("MONSIEUR", "Didier", "BOURGUET"),
  member("MADAME", "Agathe", "BRÉMOND"),
  member("MADAME", "Chantal", "CAMOIN"),
  member("MONSIEUR", "Laurent", "CHABAUD"),
  member("MADAME", "Aurélie", "CHAUVET"),
  member("MADAME", "Marie-Hélène", "COSTE"),
  member("MADAME", "Corinne", "DALMAS"),
  member("MADAME", "Émilie", "DELORME"),
  member("MONSIEUR", "Antoine", "DI MARCO"),
  member("MONSIEUR", "Éric", "DUVAL"),
  member("MADAME", "Florence", "ESCOFFIER"),
  member("MONSIEUR", "Fabrice", "GARCIA"),
  member("MONSIEUR", "Guillaume", "GAUTIER"),
  member("MADAME", "Jacqueline", "GUIGOU"),
  member("MONSIEUR", "Hervé", "JOURDAN"),
  member("MADAME", "Karine", "LAUGIER"),
  member("MADAME", "Josiane", "LOMBARD VIDAL"),
  member("MONSIEUR", "Jérôme", "MASSON"),
  member("MADAME", "Laetitia", "MÉRIC"),
  member("MONSIEUR", "Marcel", "PASCAL"),
  member("MADAME", "Monique", "PONS"),
  member("MONSIEUR", "Nicolas", "RAMBAUD"),
  member("MONSIEUR", "Paul-Henri", "ROSSIGNOL"),
  member("MADAME", "Valérie", "ROUSSET"),
  member("MADAME", "Pascale", "SERRE"),
  member("MONSIEUR", "Romain", "TEISSIER"),
  member("MADAME", "Sandrine", "VIAL"),
  // Conseillers municipaux: premier groupe d'opposition
  member("MADAME", "Danielle", "HUGUES"),
  member("MONSIEUR", "Jean-Luc", "MAUREL"),
  member("MONSIEUR", "Lionel", "NAVARRO"),
  member("MADAME", "Martine", "OLIVE"),
  member("MADAME", "Lucie", "PAGÈS"),
  member("MADAME", "Noémie", "RICHAUD"),
  member("MONSIEUR", "Régis", "TARDIEU"),
  member("MONSIEUR", "Sébastien", "VERNET"),
  // Conseillers municipaux: second groupe d'opposition
  member("MONSIEUR", "Yves", "ALLARD"),
  member("MONSIEUR", "Claude", "GRANIER"),
  member("MADAME", "Thérèse", "ZANETTI"),
] as const;

/** "Jean-Marc REYNAUD": a member of the fictional council, as the demo data names them. A misspelt name does not compile. */
export type DemoCouncillorName = NameOf<(typeof demoCouncillors)[number]>;

/** The fictional mayor: convenes and presides over every demo sitting. */
export const DEMO_MAYOR: DemoCouncillorName = "Bernard AUDIBERT";

/**
 * The second signatory of the demo acts. Before 1 July 2022 the reference case
 * is signed by the mayor and "L'adjoint ou le conseiller municipal délégué";
 * the demo sittings (2018–2019) follow it, with the fictional first deputy.
 */
export const DEMO_COSIGNATORY = {
  name: "Hélène CASTEL",
  title: "L'adjoint ou le conseiller municipal délégué",
} as const satisfies { name: DemoCouncillorName; title: string };
