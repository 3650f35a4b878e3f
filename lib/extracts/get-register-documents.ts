import "server-only";
import type { PDFDocument } from "pdf-lib";
import { ExtractKind, getPrisma } from "@/lib/db/prisma";
import { localYear } from "@/lib/domain";
import { readEnv } from "@/lib/env";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { describeCertificate } from "@/lib/signing/describe-certificate";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { buildSignedPdf, sourceDigest, verificationUrl } from "./build-deliberation-extract";
import { listRegisterEntries, listRegisterSittings, loadClosingSheetSource, type ClosingSheetSource } from "./register-source";
import { renderClosingSheet, renderRegisterTable, type RegisterTableOrder } from "./render-register-sheets";
import type { CertifiedSeal } from "./sections/seal";
import { storedExtractSelect, storeIssuedExtract, type StoredExtract } from "./store-issued-extract";

// The register's sheets of a year are numbered continuously: the closing sheets
// of its sittings in the order they sat, then the table by date, then the table
// by subject. Where a sheet starts depends on how many pages the ones before it
// take, so the year is laid out (rendered, not signed) to count them. A changed
// record or a shifted start gives a new digest, hence a newly issued document;
// an unchanged one is served as stored.

type Municipality = { id: string };

const TABLE_KINDS: Record<RegisterTableOrder, ExtractKind> = {
  date: ExtractKind.REGISTER_TABLE_BY_DATE,
  matter: ExtractKind.REGISTER_TABLE_BY_MATTER,
};

export const REGISTER_TABLE_FILES: Record<RegisterTableOrder, string> = {
  date: "table-chronologique.pdf",
  matter: "table-par-matiere.pdf",
};

/** A seal of the same size as the real one, to count pages before signing. */
function layoutSeal(signer: DocumentSigner, baseUrl: string): CertifiedSeal {
  const leaf = signer.certificateChain[0];
  const signerName = leaf ? describeCertificate(leaf).commonName : "";
  const code = "0000-0000-0000";
  return { kind: "certified", signerName, issuedAt: new Date(), verificationCode: code, verificationUrl: verificationUrl(baseUrl, code) };
}

const pageCount = (doc: PDFDocument) => doc.getPageCount();

// How many pages a sheet takes depends on its record alone (the sheet numbers
// printed do not move the text): counted once per record and process, a cache
// that is reproducible, not state (any instance recounts the same).
const PAGE_COUNT_CACHE_SIZE = 500;
const pageCounts = new Map<string, number>();

async function countedPages(key: unknown, render: () => Promise<PDFDocument>): Promise<number> {
  const digest = sourceDigest(key);
  const known = pageCounts.get(digest);
  if (known !== undefined) return known;
  const count = pageCount(await render());
  if (pageCounts.size >= PAGE_COUNT_CACHE_SIZE) pageCounts.delete(pageCounts.keys().next().value as string);
  pageCounts.set(digest, count);
  return count;
}

type YearLayout = {
  sittings: { slug: string; firstFolio: number; source: ClosingSheetSource }[];
  tables: Record<RegisterTableOrder, number>;
};

async function layOutYear(municipalityId: string, year: number, seal: CertifiedSeal): Promise<YearLayout & { municipality: { name: string; communeName: string } | null }> {
  const slugs = await listRegisterSittings({ municipalityId, year });
  let next = 1;
  let municipality: { name: string; communeName: string } | null = null;
  const sittings: YearLayout["sittings"] = [];
  for (const slug of slugs) {
    const loaded = await loadClosingSheetSource({ municipalityId, date: slug });
    if (!loaded) continue;
    municipality ??= loaded.municipality;
    const folio = { year, firstFolio: next };
    sittings.push({ slug, firstFolio: next, source: loaded.source });
    next += await countedPages({ sheet: "closing-sheet", municipality: loaded.municipality.name, source: loaded.source, signer: seal.signerName }, () =>
      renderClosingSheet({ municipality: loaded.municipality, source: loaded.source, seal, folio }),
    );
  }
  const { entries, municipality: stated, zone } = await listRegisterEntries({ municipalityId, year });
  municipality ??= stated;
  const byDate = next;
  const named = municipality ?? { name: "", communeName: "" };
  next += await countedPages({ sheet: "table-by-date", municipality: named.name, entries, zone, signer: seal.signerName }, () =>
    renderRegisterTable({ municipality: named, entries, zone, order: "date", seal, folio: { year, firstFolio: byDate } }),
  );
  return { municipality, sittings, tables: { date: byDate, matter: next } };
}

/** The signed closing sheet of a held sitting, by its public address; null when none of its acts is published. */
export async function getClosingSheet({ municipality, date }: { municipality: Municipality; date: string }): Promise<StoredExtract | null> {
  const loaded = await loadClosingSheetSource({ municipalityId: municipality.id, date });
  if (!loaded) return null;
  const prisma = getPrisma();
  const zone = await timeZoneOf(prisma, municipality.id);
  const year = localYear(loaded.source.sitting.startsAt, zone);
  const signer = await getDocumentSigner();
  const baseUrl = readEnv().PUBLIC_BASE_URL;
  const layout = await layOutYear(municipality.id, year, layoutSeal(signer, baseUrl));
  const firstFolio = layout.sittings.find((sitting) => sitting.slug === date)?.firstFolio ?? 1;
  const folio = { year, firstFolio };
  const digest = sourceDigest({ document: "closing-sheet", municipality: loaded.municipality.name, source: loaded.source, folio });
  const stored = await prisma.issuedExtract.findFirst({
    where: { municipalityId: municipality.id, kind: ExtractKind.CLOSING_SHEET, sittingId: loaded.source.sitting.id, sourceDigest: digest },
    select: storedExtractSelect,
  });
  if (stored) return stored;
  const built = await buildSignedPdf({
    render: (seal) => renderClosingSheet({ municipality: loaded.municipality, source: loaded.source, seal, folio }),
    signer,
    baseUrl,
    reason: "Feuillet de clôture du registre des délibérations",
    location: loaded.municipality.communeName,
  });
  return storeIssuedExtract({
    municipalityId: municipality.id,
    kind: ExtractKind.CLOSING_SHEET,
    subject: { sittingId: loaded.source.sitting.id },
    sourceDigest: digest,
    fileName: `seance-${date}-feuillet-de-cloture.pdf`,
    built,
  });
}

/** The signed table of a year's deliberations, by date or by subject; null for a year without a held sitting. */
export async function getRegisterTable({ municipality, year, order }: { municipality: Municipality; year: number; order: RegisterTableOrder }): Promise<StoredExtract | null> {
  const signer = await getDocumentSigner();
  const baseUrl = readEnv().PUBLIC_BASE_URL;
  const layout = await layOutYear(municipality.id, year, layoutSeal(signer, baseUrl));
  const { entries, zone } = await listRegisterEntries({ municipalityId: municipality.id, year });
  if (!layout.municipality || entries.length === 0) return null;
  const stated = layout.municipality;
  const folio = { year, firstFolio: layout.tables[order] };
  const kind = TABLE_KINDS[order];
  const digest = sourceDigest({ document: `register-table-${order}`, municipality: stated.name, entries, zone, folio });
  const prisma = getPrisma();
  const stored = await prisma.issuedExtract.findFirst({
    where: { municipalityId: municipality.id, kind, registerYear: year, sourceDigest: digest },
    select: storedExtractSelect,
  });
  if (stored) return stored;
  const built = await buildSignedPdf({
    render: (seal) => renderRegisterTable({ municipality: stated, entries, zone, order, seal, folio }),
    signer,
    baseUrl,
    reason: order === "date" ? "Table chronologique du registre des délibérations" : "Table par matière du registre des délibérations",
    location: stated.communeName,
  });
  return storeIssuedExtract({
    municipalityId: municipality.id,
    kind,
    subject: { registerYear: year },
    sourceDigest: digest,
    fileName: `registre-${year}-${REGISTER_TABLE_FILES[order]}`,
    built,
  });
}
