import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/prisma";
import { importScdlFile } from "@/lib/import/scdl/import-scdl-file";
import { referenceMunicipality } from "./reference-case";

// The demo's archive: acts of the fictional council's previous mandate
// (2012–2013), as a town publishes them in an SCDL file (a spreadsheet's
// export: UTF-8 with a BOM, ';', CRLF, French dates, local identifiers,
// matter names in capitals, an extra column). Imported by the same reader
// and writer as a clerk's file, so a fresh portal shows what an imported act
// looks like: it states only what its archive gives. Fictional, like the
// whole demo council, and labelled as such.

const HEADER = [
  "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM",
  "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL", "NATURE_ACTE",
];

type Row = { id: string; date: string; code: string; name: string; subject: string; prefDate: string; votes: [number, number, number, number] | null; budget?: [string, string] };

// Fictional acts: subjects of the kind every council votes, no real decision.
const ROWS: readonly Row[] = [
  { id: "2012-11-001", date: "22/11/2012", code: "7.1", name: "FINANCES LOCALES/DECISIONS BUDGETAIRES", subject: "Budget principal 2012 : décision modificative n° 2", prefDate: "26/11/2012", votes: [47, 39, 8, 0], budget: ["2012", "Budget principal"] },
  { id: "2012-11-002", date: "22/11/2012", code: "3.1", name: "DOMAINE ET PATRIMOINE/ACQUISITIONS", subject: "Acquisition d'une parcelle pour l'extension du cimetière des Milles", prefDate: "26/11/2012", votes: [47, 47, 0, 0] },
  { id: "2012-11-003", date: "22/11/2012", code: "8.9", name: "DOMAINES DE COMPETENCES PAR THEMES/CULTURE", subject: "Tarifs de la médiathèque pour 2013", prefDate: "", votes: null },
  { id: "2013-02-001", date: "14/02/2013", code: "7.5", name: "FINANCES LOCALES/SUBVENTIONS", subject: "Subventions aux associations sportives : première répartition 2013", prefDate: "18/02/2013", votes: [49, 45, 0, 4] },
  { id: "2013-02-002", date: "14/02/2013", code: "4.1", name: "FONCTION PUBLIQUE/PERSONNELS TITULAIRES ET STAGIAIRES DE LA F.P.T.", subject: "Tableau des effectifs : création de deux postes d'animateur", prefDate: "18/02/2013", votes: [49, 49, 0, 0] },
  { id: "2013-02-003", date: "14/02/2013", code: "8.3", name: "DOMAINES DE COMPETENCES PAR THEMES/VOIRIE", subject: "Dénomination de la voie nouvelle du quartier de la Duranne", prefDate: "", votes: [49, 49, 0, 0] },
  { id: "2013-06-001", date: "27/06/2013", code: "7.1", name: "FINANCES LOCALES/DECISIONS BUDGETAIRES", subject: "Compte administratif 2012 du budget principal", prefDate: "02/07/2013", votes: [46, 38, 8, 0], budget: ["2012", "Budget principal"] },
  { id: "2013-06-002", date: "27/06/2013", code: "2.1", name: "URBANISME/DOCUMENTS D'URBANISME", subject: "Modification simplifiée n° 1 du plan local d'urbanisme : modalités de mise à disposition", prefDate: "02/07/2013", votes: [46, 40, 6, 0] },
];

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(";");
}

/** The demo archive's file, as its town would have published it. */
export function demoArchiveCsv(): string {
  const name = "Ville d'Aix-en-Provence";
  const lines = [
    csvLine(HEADER),
    ...ROWS.map((row) =>
      csvLine([
        name, referenceMunicipality.siret, row.id, row.date, row.code, row.name, row.subject, row.budget?.[0] ?? "", row.budget?.[1] ?? "",
        row.prefDate ? "PREF013" : "", row.prefDate, row.votes ? String(referenceMunicipality.membersInOffice) : "",
        ...(row.votes ? row.votes.map(String) : ["", "", "", ""]), "", "DE",
      ]),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const DEMO_ARCHIVE_FILE_NAME = "deliberations-2012-2013-demonstration.csv";

/** Imports the demo archive once (recognised by its file's SHA-256), labelled as demo data. */
export async function seedDemoArchive(db: Db, log: (line: string) => void): Promise<void> {
  const csv = demoArchiveCsv();
  const sha256 = createHash("sha256").update(csv).digest("hex");
  const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: referenceMunicipality.slug }, select: { id: true } });
  if (await db.archiveImport.findFirst({ where: { municipalityId: municipality.id, sha256 }, select: { id: true } })) {
    log("Archive de démonstration : déjà importée, rien n'a été écrit.");
    return;
  }
  const directory = await mkdtemp(path.join(tmpdir(), "registre-demo-archive-"));
  try {
    const filePath = path.join(directory, DEMO_ARCHIVE_FILE_NAME);
    await writeFile(filePath, csv);
    const report = await importScdlFile({ db, filePath, municipalitySlug: referenceMunicipality.slug, isDemo: true });
    if (!report.importId) {
      throw new Error(`L'archive de démonstration est refusée : ${report.invalid.map((issue) => `ligne ${issue.line}, ${issue.field} : ${issue.message}`).join(" ; ")}`);
    }
    log(`Archive de démonstration : ${report.totals.created} actes fictifs de 2012-2013 importés d'un fichier SCDL.`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
