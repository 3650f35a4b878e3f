import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { exportPortal } from "@/lib/import/registre/export-portal";
import { importRegistreFile } from "@/lib/import/registre/import-registre-file";
import { connect, createDatabase, runtimeDatabaseUrl } from "./support/database";
import { insertMunicipality } from "./support/factories";

// What the portal import refuses, each time in French, naming the line, and
// leaving the target as it was: a file that is not an export (or of another
// version of the format, or of another schema), a file cut short or missing
// rows, a file altered (an audit event rewritten, a tally broken, a row of
// another municipality), a target that already holds the municipality or an
// audit chain of its own, a connection that is not the owner's. A dry run
// writes nothing; the same file then imports.

describe("portal import: refusals", () => {
  let directory: string;
  let lines: string[];
  let target: Db;
  let targetClient: pg.Client;
  let targetName: string;

  /** Writes the export's lines, altered by `edit`, to a file of its own. */
  async function variant(name: string, edit: (lines: string[]) => string[] | string): Promise<string> {
    const file = path.join(directory, `${name}.ndjson`);
    const edited = edit([...lines]);
    await writeFile(file, typeof edited === "string" ? edited : `${edited.join("\n")}\n`);
    return file;
  }

  const lineOf = (table: string, from = 0) => lines.findIndex((line, index) => index >= from && line.startsWith(`{"type":"row","table":"${table}"`));

  async function expectNothingWritten(): Promise<void> {
    const { rows } = await targetClient.query(
      `SELECT (SELECT count(*) FROM municipality)::int AS municipalities, (SELECT count(*) FROM councillor)::int AS councillors,
              (SELECT count(*) FROM audit_event)::int AS events, (SELECT count(*) FROM portal_restore)::int AS restores`,
    );
    expect(rows[0]).toEqual({ municipalities: 0, councillors: 0, events: 0, restores: 0 });
  }

  async function expectRefused(file: string, message: string | RegExp, options: { municipality?: string; db?: Db } = {}): Promise<void> {
    await expect(importRegistreFile(file, { db: options.db ?? target, municipality: options.municipality })).rejects.toThrow(message);
    await expectNothingWritten();
  }

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "registre-import-refusals-"));
    const sourceClient = await connect(await createDatabase("registre_import_refusals_source", { seeded: "reference" }));
    const file = path.join(directory, "portail.ndjson");
    try {
      const output = createWriteStream(file);
      await exportPortal({ client: sourceClient, output });
      output.end();
      await finished(output);
    } finally {
      await sourceClient.end();
    }
    lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    targetName = "registre_import_refusals_target";
    const targetUrl = await createDatabase(targetName);
    target = createPrismaClient(targetUrl);
    targetClient = await connect(targetUrl);
  }, 300_000);

  afterAll(async () => {
    await target?.$disconnect();
    await targetClient?.end();
    await rm(directory, { recursive: true, force: true });
  });

  it("[import]: a file that is not a portal export is refused by its first line", async () => {
    await expectRefused(await variant("vide", () => ""), "Ligne 1 : le fichier est vide");
    await expectRefused(await variant("csv", () => ["COLL_NOM,COLL_SIRET,DELIB_ID", "Aix,21130001700011,DL.2022-91"]), "Ligne 1 : ce n'est pas une ligne JSON valide");
    await expectRefused(
      await variant("autre-format", (all) => [JSON.stringify({ ...JSON.parse(all[0]!), format: "registre-sauvegarde" }), ...all.slice(1)]),
      "Ligne 1 : la première ligne n'est pas l'en-tête d'un export de portail Registre (format « registre-portal » attendu, « registre-sauvegarde » trouvé)",
    );
    await expectRefused(await variant("sans-en-tete", (all) => all.slice(1)), "Ligne 1 : la première ligne n'est pas l'en-tête");
  });

  it("[import]: another version of the format, an incomplete header or another schema is refused", async () => {
    await expectRefused(
      await variant("version-2", (all) => [JSON.stringify({ ...JSON.parse(all[0]!), formatVersion: 2 }), ...all.slice(1)]),
      "Ligne 1 : le fichier est à la version 2 du format registre-portal ; ce portail lit la version 1",
    );
    await expectRefused(
      await variant("en-tete-incomplet", (all) => {
        const header = JSON.parse(all[0]!);
        delete header.municipality;
        return [JSON.stringify(header), ...all.slice(1)];
      }),
      /Ligne 1 : l'en-tête est incomplet ou abîmé \(champ « municipality »/,
    );
    const withSchema = (migrations: (list: string[]) => string[]) => (all: string[]) => {
      const header = JSON.parse(all[0]!);
      return [JSON.stringify({ ...header, schema: { ...header.schema, migrations: migrations(header.schema.migrations) } }), ...all.slice(1)];
    };
    await expectRefused(
      await variant("plus-recent", withSchema((list) => [...list, "29991231000000_future"])),
      "Le fichier vient d'une version plus récente de Registre : la base cible n'a pas la migration 29991231000000_future",
    );
    await expectRefused(
      await variant("plus-ancien", withSchema((list) => list.slice(0, -1))),
      "Le fichier vient d'une version plus ancienne de Registre (il lui manque la migration",
    );
  });

  it("[import]: a file cut short, in a line or between two, or missing a row, is refused and nothing is written", async () => {
    const full = `${lines.join("\n")}\n`;
    const cutAt = full.indexOf("\n", Math.floor(full.length / 2)) - 20;
    const cutLine = full.slice(0, cutAt).split("\n").length;
    await expectRefused(await variant("coupe-dans-une-ligne", () => full.slice(0, cutAt)), `Ligne ${cutLine} : la ligne est coupée : le fichier est tronqué`);
    await expectRefused(await variant("sans-fin", (all) => all.slice(0, -1)), `Ligne ${lines.length - 1} : le fichier s'arrête avant sa ligne de fin`);
    await expectRefused(await variant("sans-les-dernieres", (all) => all.slice(0, -40)), "le fichier s'arrête avant sa ligne de fin");
    const councillor = lineOf("councillor");
    await expectRefused(
      await variant("une-ligne-en-moins", (all) => all.filter((_, index) => index !== councillor)),
      /Ligne \d+ : la table councillor compte 54 lignes, l'en-tête en annonce 55 : le fichier est tronqué ou abîmé/,
    );
    await expectRefused(await variant("apres-la-fin", (all) => [...all, all[councillor]!]), `Ligne ${lines.length + 1} : des données suivent la ligne de fin`);
  });

  it("[import]: an altered file is refused: an audit event rewritten, a tally broken, a row of another municipality, tables out of order", async () => {
    const event = lineOf("audit_event");
    await expectRefused(
      await variant("journal-reecrit", (all) => all.map((line, index) => (index === event ? line.replace(/"action":"[^"]+"/, '"action":"deliberation.delete"') : line))),
      /Le journal d'audit du fichier ne se vérifie pas, à l'événement n° \d+ \(deliberation\.delete\) : son contenu ne correspond plus à son empreinte/,
    );
    const vote = lineOf("vote");
    await expectRefused(
      await variant("decompte-faux", (all) => all.map((line, index) => (index === vote ? line.replace(/"votes_for":(\d+)/, (_, count: string) => `"votes_for":${Number(count) + 1}`) : line))),
      new RegExp(`Lignes? ${vote + 1}( à \\d+)? \\(table vote\\) : Ces données ne respectent pas une règle du registre`),
    );
    const sitting = lineOf("sitting");
    await expectRefused(
      await variant("autre-commune", (all) =>
        all.map((line, index) => (index === sitting ? line.replace(/"municipality_id":"[^"]+"/, '"municipality_id":"00000000-0000-4000-8000-000000000000"') : line)),
      ),
      `Ligne ${sitting + 1} : la ligne de la table sitting appartient à une autre collectivité`,
    );
    await expectRefused(
      await variant("desordre", (all) => [all[0]!, all[lineOf("councillor")]!, ...all.slice(1)]),
      "Ligne 2 : la table municipality compte 0 ligne, l'en-tête en annonce 1",
    );
  });

  it("[import]: the municipality asked for must be the file's, the target migrated, and only the owner's connection may restore", async () => {
    const file = await variant("intact", (all) => all);
    const bare = createPrismaClient(await createDatabase("registre_import_refusals_bare", { migrated: false }));
    try {
      await expect(importRegistreFile(file, { db: bare })).rejects.toThrow("La base cible n'a pas le schéma de Registre");
    } finally {
      await bare.$disconnect();
    }
    await expectRefused(file, "Le fichier est l'export de la collectivité « aix-en-provence », pas de « marseille »", { municipality: "marseille" });
    const runtime = createPrismaClient(runtimeDatabaseUrl(targetName));
    try {
      await expectRefused(file, /Le rôle « registre_app » ne peut pas ouvrir la restauration d'un portail : lancez l'import avec la connexion du propriétaire/, { db: runtime });
    } finally {
      await runtime.$disconnect();
    }
  });

  it("[import]: a dry run checks everything and writes nothing; the import then writes it; a second import is refused", async () => {
    const file = await variant("intact", (all) => all);
    const checked = await importRegistreFile(file, { db: target, dryRun: true });
    expect(checked).toMatchObject({ dryRun: true, municipality: { slug: "aix-en-provence" }, rows: lines.length - 2 });
    await expectNothingWritten();
    const imported = await importRegistreFile(file, { db: target });
    expect(imported).toMatchObject({ dryRun: false, rows: checked.rows, counts: checked.counts, file: checked.file });
    const before = (await targetClient.query(`SELECT (SELECT count(*) FROM deliberation)::int AS acts, (SELECT count(*) FROM audit_event)::int AS events`)).rows[0];
    await expect(importRegistreFile(file, { db: target })).rejects.toThrow(
      "La base cible contient déjà la collectivité « aix-en-provence » : un portail exporté ne s'importe que dans une base qui ne la contient pas",
    );
    expect((await targetClient.query(`SELECT (SELECT count(*) FROM deliberation)::int AS acts, (SELECT count(*) FROM audit_event)::int AS events`)).rows[0]).toEqual(before);
  });

  it("[import]: a target holding another municipality's audit chain is refused: the imported chain could not join it", async () => {
    const url = await createDatabase("registre_import_refusals_other");
    const client = await connect(url);
    const db = createPrismaClient(url);
    try {
      const other = await insertMunicipality(client, { slug: "venelles" });
      await client.query(
        `INSERT INTO audit_event (municipality_id, action, entity, hash) VALUES ($1, 'municipality.update', 'municipality', repeat('a', 64))`,
        [other.municipalityId],
      );
      await expect(importRegistreFile(await variant("intact", (all) => all), { db })).rejects.toThrow(
        "La base cible a déjà un journal d'audit (1 événement, 0 point de contrôle)",
      );
      expect((await client.query(`SELECT slug FROM municipality`)).rows).toEqual([{ slug: "venelles" }]);
    } finally {
      await db.$disconnect();
      await client.end();
    }
  });
});
