import type { PDFDocument } from "pdf-lib";
import { formatDateFr, formatDateShortFr } from "@/lib/domain";
import { fullName, nameWithRole, ofMunicipality } from "@/lib/deliberations/extract-wording";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import { countOf } from "@/lib/domain/plural";
import type { ClosingSheetSource, RegisterEntry } from "./register-source";
import { createRegisterDocument } from "./sections/document";
import { demoNotice, documentHeading } from "./sections/heading";
import { certifiedSeal, type CertifiedSeal } from "./sections/seal";
import { presidencyLine } from "./sections/sitting";
import { matterCaption } from "@/lib/domain";

// The register's own sheets (R2121-9), ready to bind: the closing sheet of a
// sitting (its order numbers, the members present, room for the handwritten
// signatures of the mayor and of each secretary) and a year's tables of
// deliberations, by date and by subject. Their sheets are numbered through the
// year ("Registre 2022, feuillet 7"): `firstFolio` is where this one starts.

type RegisterMunicipality = { name: string; communeName: string };

export type RegisterFolio = { year: number; firstFolio: number };

function folioLabel({ year, firstFolio }: RegisterFolio) {
  return (index: number) => `Registre des délibérations ${year} — feuillet ${firstFolio + index}`;
}

/** A frame with a name above and room below for a handwritten signature. */
function signatureSpaces(pdf: PdfComposer, signatories: { title: string; name: string }[]): void {
  const half = CONTENT_WIDTH / 2;
  for (let index = 0; index < signatories.length; index += 2) {
    const pair = signatories.slice(index, index + 2);
    pdf.ensureSpace(110);
    pdf.columns(
      pair.map((signatory, column) => ({ lines: [bold(signatory.title), plain(signatory.name), plain("Signature :")], x: column * (half + 10), width: half - 10 })),
      { spaceAfter: 70 },
    );
  }
}


export async function renderClosingSheet({
  municipality,
  source,
  seal,
  folio,
}: {
  municipality: RegisterMunicipality;
  source: ClosingSheetSource;
  seal: CertifiedSeal;
  folio: RegisterFolio;
}): Promise<PDFDocument> {
  const { sitting, zone } = source;
  const day = formatDateFr(sitting.startsAt, zone);
  const pdf = await createRegisterDocument({
    title: `Feuillet de clôture de la séance du ${day}`,
    author: municipality.name,
    subject: `Registre des délibérations du conseil municipal ${ofMunicipality(municipality.name)}, séance du ${day}`,
    keywords: ["registre des délibérations", "feuillet de clôture", municipality.communeName],
  });
  documentHeading(pdf, [
    { text: "FEUILLET DE CLÔTURE", size: 14, spaceAfter: 4 },
    { text: `REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL ${ofMunicipality(municipality.name).toLocaleUpperCase("fr-FR")}`, size: 11, spaceAfter: 8 },
  ]);
  if (sitting.isDemo) demoNotice(pdf, "conseil municipal fictif, cette séance n'a jamais eu lieu.");
  pdf.paragraph(bold(`${sitting.isPublic ? "Séance publique" : "Séance à huis clos"} du ${day}`), { size: 11, align: "center", spaceAfter: 2 });
  presidencyLine(pdf, sitting.president, "line");
  pdf.paragraph(plain(`Lieu : ${sitting.place}`), { align: "center", spaceAfter: 12 });
  pdf.paragraph(plain("Article R 2121-9 du Code Général des Collectivités Territoriales : le feuillet de clôture rappelle les numéros d'ordre des délibérations prises au cours de la séance et la liste des membres présents, et porte la signature du maire et du ou des secrétaires de séance."), {
    size: 9,
    align: "justify",
    spaceAfter: 10,
  });

  pdf.paragraph(bold(`Délibérations de la séance (${countOf(source.deliberations.length, "délibération")})`), { spaceAfter: 4 });
  const orderWidth = 40;
  const numberWidth = 82;
  for (const deliberation of source.deliberations) {
    pdf.columns(
      [
        { lines: [plain(`${deliberation.orderInSitting}`)], x: 0, width: orderWidth },
        { lines: [plain(deliberation.number)], x: orderWidth + 8, width: numberWidth },
        { lines: [plain(deliberation.subject)], x: orderWidth + numberWidth + 16, width: CONTENT_WIDTH - orderWidth - numberWidth - 16 },
      ],
      { size: 9.5, spaceAfter: 4 },
    );
  }
  pdf.rule({ spaceBefore: 2, spaceAfter: 8 });

  pdf.paragraph(bold(`Membres présents (${source.present.length})`), { spaceAfter: 4 });
  pdf.paragraph(plain(source.present.length ? source.present.map(fullName).join(", ") : "Aucune présence enregistrée."), { size: 9.5, align: "justify", spaceAfter: 12 });

  const secretaries = [sitting.secretary, ...sitting.otherSecretaries];
  signatureSpaces(pdf, [
    { title: "Le Maire, président de séance", name: nameWithRole(sitting.president) },
    ...secretaries.map((secretary, index) => ({
      title: secretaries.length > 1 ? `Secrétaire de séance (${index + 1}/${secretaries.length})` : "Le secrétaire de séance",
      name: fullName(secretary),
    })),
  ]);

  await certifiedSeal(pdf, seal, { certifies: "Feuillet conforme aux actes publiés", signed: "Signé" }, zone);
  return pdf.finish({ runningHeader: `Feuillet de clôture — ${municipality.name} — séance du ${day}`, folio: folioLabel(folio) });
}

export type RegisterTableOrder = "date" | "matter";

export async function renderRegisterTable({
  municipality,
  entries,
  zone,
  order,
  seal,
  folio,
}: {
  municipality: RegisterMunicipality;
  entries: readonly RegisterEntry[];
  zone: string;
  order: RegisterTableOrder;
  seal: CertifiedSeal;
  folio: RegisterFolio;
}): Promise<PDFDocument> {
  const title = order === "date" ? "Table chronologique" : "Table par matière";
  const pdf = await createRegisterDocument({
    title: `${title} des délibérations, ${folio.year}`,
    author: municipality.name,
    subject: `Registre des délibérations du conseil municipal ${ofMunicipality(municipality.name)}, année ${folio.year}`,
    keywords: ["registre des délibérations", title.toLowerCase(), municipality.communeName],
  });
  documentHeading(pdf, [
    { text: `${title.toLocaleUpperCase("fr-FR")} DES DÉLIBÉRATIONS — ${folio.year}`, size: 14, spaceAfter: 4 },
    { text: `REGISTRE DU CONSEIL MUNICIPAL ${ofMunicipality(municipality.name).toLocaleUpperCase("fr-FR")}`, size: 11, spaceAfter: 10 },
  ]);
  if (entries.some((entry) => entry.isDemo)) demoNotice(pdf, "la table comprend des délibérations d'un conseil municipal fictif.");
  pdf.paragraph(plain(`Article R 2121-9 du Code Général des Collectivités Territoriales. ${countOf(entries.length, "délibération publiée", "délibérations publiées")}.`), { size: 9, spaceAfter: 10 });

  const dateWidth = 62;
  const numberWidth = 82;
  const subjectX = dateWidth + numberWidth + 16;
  const row = (entry: RegisterEntry) =>
    pdf.columns(
      [
        { lines: [plain(formatDateShortFr(entry.sittingStartsAt, zone))], x: 0, width: dateWidth },
        { lines: [plain(entry.number)], x: dateWidth + 8, width: numberWidth },
        { lines: [plain(`${entry.subject}${order === "date" ? ` (${entry.matterCode})` : ""}`)], x: subjectX, width: CONTENT_WIDTH - subjectX },
      ],
      { size: 9.5, spaceAfter: 4 },
    );

  if (order === "date") {
    let day = "";
    for (const entry of entries) {
      const sittingDay = formatDateFr(entry.sittingStartsAt, zone);
      if (sittingDay !== day) {
        day = sittingDay;
        pdf.paragraph(bold(`Séance du ${sittingDay}`), { spaceAfter: 4 });
      }
      row(entry);
    }
  } else {
    const byMatter = new Map<string, RegisterEntry[]>();
    for (const entry of entries) {
      const matter = entry.matterCode?.split(".").slice(0, 2).join(".") ?? "";
      byMatter.set(matter, [...(byMatter.get(matter) ?? []), entry]);
    }
    const matters = [...byMatter.keys()].sort((a, b) => a.localeCompare(b, "fr", { numeric: true }));
    for (const matter of matters) {
      pdf.paragraph(bold(matterCaption(matter || null)), { spaceAfter: 4 });
      for (const entry of byMatter.get(matter) ?? []) row(entry);
      pdf.space(4);
    }
  }
  if (entries.length === 0) pdf.paragraph(plain("Aucune délibération publiée cette année."));

  await certifiedSeal(pdf, seal, { certifies: "Table conforme aux actes publiés", signed: "Signée" }, zone);
  return pdf.finish({ runningHeader: `${title} des délibérations ${folio.year} — ${municipality.name}`, folio: folioLabel(folio) });
}
