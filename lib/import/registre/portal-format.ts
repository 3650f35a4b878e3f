import { z } from "@/lib/validations/zod";

// The NDJSON file of a whole portal (npm run export; read back by
// importRegistreFile): one JSON object a line.
//   line 1     the header: format and version, the schema it was taken from (its migrations),
//              when, which municipality, and each table's columns and row count;
//   then       one line per row, table after table in the order the foreign keys need:
//              {"type":"row","table":"councillor","row":{…the columns…}}; binary columns in base64;
//   last line  {"type":"end","rows":<rows written>}: a file cut short lacks it.
// No "server-only": the command line reads and writes it.

export const PORTAL_FORMAT = "registre-portal";
export const PORTAL_FORMAT_VERSION = 1;

/**
 * Tables of the schema that are not a municipality's records, and why. Every other table
 * that has a municipality_id is exported whole for the municipality (a table a migration
 * adds is picked up without a line here); one without municipality_id must be named here
 * or in GLOBAL_TABLES, or the export refuses to run.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  _prisma_migrations: "le schéma, que l'en-tête nomme par ses migrations",
  auth_session: "les sessions ouvertes sur ce serveur : on se reconnecte sur le nouveau",
  login_attempt: "les tentatives de connexion récentes (limites de débit) de ce serveur",
  cache_tag_invalidation: "l'état du cache des pages de ce serveur",
  rendered_page: "les pages enregistrées par ce serveur, que le nouveau rend à nouveau pour sa propre version",
  portal_restore: "la trace des importations de portail reçues par cette base",
};

/** Tables without municipality_id that are exported: the signed heads of the audit chain (one chain per database). */
export const GLOBAL_TABLES = ["audit_checkpoint"] as const;

/**
 * Rows of a table that refers to itself come parents first: a version after the one it
 * replaces. The other tables' rows come by primary key. A table with such a foreign key
 * must be listed here (the export refuses otherwise).
 */
export const SELF_REFERENCING_ORDER: Readonly<Record<string, readonly string[]>> = {
  deliberation: ["version", "id"],
  minutes: ["version", "id"],
};

/** What the signing identity is, and why the file lacks it (also said in the README). */
export const SIGNING_IDENTITY_NOTE =
  "La clé et le certificat de signature ne sont pas exportés : les extraits, procès-verbaux et points de contrôle déjà signés gardent leur signature ; le nouveau serveur signe les suivants avec l'identité qu'on lui donne (REGISTRE_SIGNING_P12_PATH ou REGISTRE_SIGNING_P12_BASE64).";

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  /** Columns whose value is base64 in the row lines (bytea). */
  binaryColumns: z.array(z.string().min(1)),
  rows: z.number().int().nonnegative(),
});

export const portalHeaderSchema = z.object({
  type: z.literal("header"),
  format: z.literal(PORTAL_FORMAT),
  formatVersion: z.literal(PORTAL_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  schema: z.object({ latestMigration: z.string().min(1), migrations: z.array(z.string().min(1)).min(1) }),
  municipality: z.object({ id: z.uuid(), slug: z.string().min(1), name: z.string() }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  tables: z.array(tableSchema).min(1),
  /**
   * The audit trail is one hash chain per database: complete when every event of the
   * source's chain is the municipality's, so that the file holds the chain from its first event.
   */
  auditChain: z.object({
    complete: z.boolean(),
    events: z.number().int().nonnegative(),
    otherMunicipalitiesEvents: z.number().int().nonnegative(),
    head: z.object({ id: z.string(), hash: z.string() }).nullable(),
  }),
  notExported: z.record(z.string(), z.string()),
  signingIdentity: z.string(),
});

export type PortalHeader = z.infer<typeof portalHeaderSchema>;
export type PortalTable = z.infer<typeof tableSchema>;

export const portalRowSchema = z.object({
  type: z.literal("row"),
  table: z.string().min(1),
  row: z.record(z.string(), z.unknown()),
});

export const portalEndSchema = z.object({ type: z.literal("end"), rows: z.number().int().nonnegative() });
