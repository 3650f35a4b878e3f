import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { AuditInput } from "@/lib/audit/append-audit-event";
import { installationActor, type Admin, type Editor } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { digestFile } from "@/lib/import/file-digest";
import { importArchive, type ArchiveImportReport } from "@/lib/import/import-archive";
import type { ArchiveImportTotals } from "@/lib/import/write-archived-acts";
import { insertMunicipalityInTransaction, parseNewMunicipality } from "@/lib/municipality/create-municipality";
import type { NewMunicipality } from "@/lib/validations/municipality";
import { proposeMunicipality } from "./new-municipality";
import type { ScdlRowContext } from "./row";
import { firstScdlRow, readScdlBatches, SCDL_COLUMN_OF_FACT, type ScdlNotes } from "./scdl-batches";

// The SCDL import of one file, by the installation (the CLI): whose acts they
// are, then the file read twice, never whole in memory: once for its SHA-256
// and its encoding, once in batches into the archive writer (importArchive:
// one transaction, all or nothing without skipInvalid, nothing written by a
// dry run). A row of another SIREN than the target municipality's is a row
// the report refuses; a file of a municipality the portal does not have is
// refused, unless asked to create it (--create-municipality), in the same
// transaction as its acts, with defaults the report lists.

export type ScdlImportOptions = {
  db: Db;
  filePath: string;
  /** As recorded with the import; the file's own name by default. */
  fileName?: string;
  /** The target municipality's slug; without it, the municipality of the file's SIREN. */
  municipalitySlug?: string | null;
  createMunicipality?: boolean;
  /** The demo's fictional archive (prisma/seed): labelled as demo data. */
  isDemo?: boolean;
  /** A clerk importing through the back office: into their own municipality, audited in their name (no creation). */
  actor?: Editor;
  skipInvalid?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (progress: ScdlImportProgress) => void;
};

export type ScdlImportProgress = { phase: "digest" | "import"; bytes: number; size: number; totals: ArchiveImportTotals | null };

/** Whom the acts go to: found in the portal, or created by this import. */
export type ScdlImportTarget = { slug: string; name: string; siren: string; created: boolean; defaults: string[] };

export type ScdlImportReport = ArchiveImportReport & { notes: ScdlNotes & { municipality: ScdlImportTarget } };

type Target = {
  actor: Admin | Editor;
  context: ScdlRowContext;
  summary: ScdlImportTarget;
  /** The municipality to create in the import's transaction. */
  creation: { input: NewMunicipality; id: string } | null;
};

async function findMunicipality(db: Db, where: { slug: string } | { siren: string }) {
  return db.municipality.findFirst({ where, select: { id: true, slug: true, name: true, siren: true, departmentCode: true, timeZone: true } });
}

function existing(municipality: NonNullable<Awaited<ReturnType<typeof findMunicipality>>>): Target {
  return {
    actor: installationActor(municipality.id),
    context: { timeZone: municipality.timeZone, departmentCode: municipality.departmentCode, municipality: { siren: municipality.siren, name: municipality.name } },
    summary: { slug: municipality.slug, name: municipality.name, siren: municipality.siren, created: false, defaults: [] },
    creation: null,
  };
}

async function creation(db: Db, filePath: string, encoding: "utf-8" | "windows-1252", slug: string | null): Promise<Target> {
  const first = await firstScdlRow(filePath, encoding);
  if (!first) throw new AppError("VALIDATION", "Aucune ligne du fichier ne donne un COLL_SIRET lisible : impossible de savoir quelle collectivité créer.");
  const already = await findMunicipality(db, { siren: first.siret.siren });
  if (already) {
    throw new AppError(
      "CONFLICT",
      `La collectivité ${already.name} (« ${already.slug} ») a déjà le SIREN ${first.siret.siren} du fichier : importez-y le fichier (--municipality ${already.slug}), sans --create-municipality.`,
    );
  }
  const proposal = proposeMunicipality(first, slug);
  if (!proposal.ok) throw new AppError("VALIDATION", proposal.reason);
  // A slug derived from the name may be another town's (homonyms): the SIREN sets them apart.
  if (!slug && (await findMunicipality(db, { slug: String(proposal.input.slug) }))) proposal.input.slug = `${proposal.input.slug}-${first.siret.siren}`;
  const input = parseNewMunicipality(proposal.input);
  const id = randomUUID();
  return {
    actor: installationActor(id),
    context: { timeZone: input.timeZone ?? "Europe/Paris", departmentCode: input.departmentCode, municipality: { siren: input.siren, name: input.name } },
    summary: { slug: input.slug, name: input.name, siren: input.siren, created: true, defaults: proposal.defaults },
    creation: { input, id },
  };
}

/** The municipality the file's acts go to, or the reason the import cannot start. */
async function resolveTarget(db: Db, options: ScdlImportOptions, encoding: "utf-8" | "windows-1252"): Promise<Target> {
  if (options.actor) {
    const own = await db.municipality.findUniqueOrThrow({
      where: { id: options.actor.municipalityId },
      select: { id: true, slug: true, name: true, siren: true, departmentCode: true, timeZone: true },
    });
    return { ...existing(own), actor: options.actor };
  }
  const slug = options.municipalitySlug?.trim() || null;
  if (slug) {
    const named = await findMunicipality(db, { slug });
    if (named) return existing(named);
    if (!options.createMunicipality) {
      throw new AppError("NOT_FOUND", `Le portail n'a pas de collectivité « ${slug} » : --create-municipality la crée à partir du fichier (COLL_NOM et COLL_SIRET de sa première ligne).`);
    }
    return creation(db, options.filePath, encoding, slug);
  }
  const first = await firstScdlRow(options.filePath, encoding);
  if (!first) throw new AppError("VALIDATION", "Aucune ligne du fichier ne donne un COLL_SIRET lisible : impossible de savoir de quelle collectivité sont ces délibérations.");
  const bySiren = await findMunicipality(db, { siren: first.siret.siren });
  if (bySiren) return existing(bySiren);
  if (options.createMunicipality) return creation(db, options.filePath, encoding, null);
  throw new AppError(
    "NOT_FOUND",
    `Aucune collectivité du portail n'a le SIREN ${first.siret.siren} du fichier (${first.municipalityName ?? "COLL_NOM vide"}, ligne ${first.act.source.line}) : --create-municipality la crée, ou --municipality <identifiant> importe dans une collectivité du portail (les lignes d'un autre SIREN sont alors refusées).`,
  );
}

export async function importScdlFile(options: ScdlImportOptions): Promise<ScdlImportReport> {
  const { db, filePath, onProgress } = options;
  const digest = await digestFile(filePath, (bytes) => onProgress?.({ phase: "digest", bytes, size: bytes, totals: null }));
  const encoding = digest.utf8 ? "utf-8" : "windows-1252";
  const target = await resolveTarget(db, options, encoding);
  let bytes = 0;
  let totals: ArchiveImportTotals | null = null;
  const reading = await readScdlBatches(filePath, {
    encoding,
    validUtf8: digest.utf8,
    context: target.context,
    batchSize: options.batchSize,
    onBytes: (chunk) => {
      bytes += chunk.length;
      onProgress?.({ phase: "import", bytes, size: digest.size, totals });
    },
  });
  const prepare = target.creation
    ? async (tx: Tx): Promise<AuditInput[]> => {
        const { audit } = await insertMunicipalityInTransaction(tx, target.creation!.input, target.creation!.id);
        return [audit];
      }
    : undefined;
  const report = await importArchive({
    db,
    actor: target.actor,
    file: { format: "scdl", fileName: options.fileName ?? path.basename(filePath), sha256: digest.sha256, size: digest.size, isDemo: options.isDemo },
    batches: reading.batches,
    skipInvalid: options.skipInvalid ?? false,
    dryRun: options.dryRun ?? false,
    notes: () => ({ ...reading.notes(), municipality: target.summary }),
    onProgress: (current) => {
      totals = current;
      onProgress?.({ phase: "import", bytes, size: digest.size, totals });
    },
    prepare,
  });
  // The writer names the facts of an archived act ("participants", "vote.votesFor"); the file's reader knows them by their columns.
  const column = (field: string) => SCDL_COLUMN_OF_FACT[field.split(".").at(-1)!] ?? field;
  for (const issue of report.invalid) if (issue.field) issue.field = column(issue.field);
  for (const conflict of report.conflicts) for (const difference of conflict.fields) difference.field = column(difference.field);
  return report as ScdlImportReport;
}
