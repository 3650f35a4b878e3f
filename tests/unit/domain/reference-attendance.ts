// The attendance of the reference case (Aix-en-Provence, 7 April 2022, DL.2022-91),
// names exactly as the certified extract prints them.
import type { AttendanceEntry } from "@/lib/domain";

export const REFERENCE_MEMBERS_IN_OFFICE = 55;
export const REFERENCE_SITTING_DATE = "2022-04-07";

export const REFERENCE_PRESENT = [
  "Monsieur Jonathan AMIACH",
  "Madame Dominique AUGÉY",
  "Monsieur Moussa BENKACI",
  "Madame Kayané BIANCO",
  "Madame Brigitte BILLOT",
  "Madame Odile BONTHOUX",
  "Monsieur Pierre-Paul CALENDINI",
  "Madame Joëlle CANUET",
  "Monsieur Rémi CAPEAU",
  "Monsieur Pierre-Emmanuel CASANOVA",
  "Monsieur Eric CHEVALIER",
  "Madame Agnès DAURES",
  "Madame Brigitte DEVESA",
  "Madame Sylvaine DI CARO ANTONUCCI",
  "Monsieur Cyril DI MEO",
  "Monsieur Sylvain DIJON",
  "Monsieur Laurent DILLINGER",
  "Monsieur Gilles DONATINI",
  "Monsieur Jean-François DUBOST",
  "Madame Frédérique DUMICHEL",
  "Monsieur Marc FERAUD",
  "Madame Stéphanie FERNANDEZ",
  "Monsieur Jean-Christophe GRUVEL",
  "Monsieur Sellam HADAOUI",
  "Madame Claudie HUBERT",
  "Madame Amandine JANER",
  "Madame Sophie JOISSAINS",
  "Monsieur Salah-Eddine KHOUIEL",
  "Madame Gaëlle LENFANT",
  "Madame Perrine MEGGIATO",
  "Madame Arlette OLLIVIER",
  "Monsieur Stéphane PAOLI",
  "Monsieur Marc PENA",
  "Madame Laure SCANDOLERA",
  "Madame Marie-Pierre SICARD - DESNUELLE",
  "Monsieur Pierre SPANO",
  "Monsieur Francis TAULAN",
  "Madame Solène TRIVIDIC",
  "Madame Fabienne VINCENTI",
  "Monsieur Michael ZAZOUN",
] as const;

/** "Excusés avec pouvoir": [giver, holder]. */
export const REFERENCE_PROXIES = [
  ["Madame Laurence ANGELETTI", "Monsieur Pierre-Paul CALENDINI"],
  ["Monsieur Jacques BOUDON", "Madame Frédérique DUMICHEL"],
  ["Monsieur Gérard BRAMOULLÉ", "Madame Dominique AUGÉY"],
  ["Madame Françoise COURANJOU", "Madame Dominique AUGÉY"],
  ["Monsieur Philippe KLEIN", "Monsieur Pierre-Paul CALENDINI"],
  ["Monsieur Jules SUSINI", "Monsieur Marc FERAUD"],
  ["Madame Karima ZERKANI-RAYNAL", "Madame Sophie JOISSAINS"],
] as const;

/** "Excusés sans pouvoir". */
export const REFERENCE_EXCUSED = [
  "Madame Béatrice BENDELE",
  "Madame Elisabeth HUARD",
  "Madame Sophie MEYNET DE CACQUERAY",
  "Monsieur Alain PARRA",
  "Madame Anne-Laurence PETEL",
  "Madame Josy PIGNATEL",
  "Madame Françoise TERME",
  "Monsieur Jean-Louis VINCENT",
] as const;

/** A stable id from the printed name: "Monsieur Pierre-Paul CALENDINI" → "pierre-paul-calendini". */
export function referenceId(name: string): string {
  return name
    .replace(/^(Monsieur|Madame) /, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function referenceAttendance(): AttendanceEntry[] {
  return [
    ...REFERENCE_PRESENT.map((name) => ({
      councillorId: referenceId(name),
      name,
      status: "PRESENT" as const,
      proxyHolderId: null,
    })),
    ...REFERENCE_PROXIES.map(([giver, holder]) => ({
      councillorId: referenceId(giver),
      name: giver,
      status: "REPRESENTED" as const,
      proxyHolderId: referenceId(holder),
    })),
    ...REFERENCE_EXCUSED.map((name) => ({
      councillorId: referenceId(name),
      name,
      status: "EXCUSED" as const,
      proxyHolderId: null,
    })),
  ];
}
