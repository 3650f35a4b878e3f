import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import {
  ARCHIVE_SEED,
  BENCH_MUNICIPALITY,
  countArchivedDeliberations,
  generateSyntheticArchive,
  LAST_YEAR,
  planArchive,
  type ArchiveMunicipality,
} from "./synthetic-archive";

// The search bench's archive at the scale of a shared departmental host
// (issue 14): `total` published deliberations (a million by default,
// BENCH_SEARCH_ACTS) over twenty years, in ten municipalities sharing the
// database; the one searched, the bench's own, holds a fifth of them. Each is
// written by synthetic-archive.ts with COPY, the triggers off and what they
// write (snapshots, sittings' public addresses) written set-wise: through the
// rules (each act inserted, then rewritten by its publication) it took 25 minutes.
// tests/integration/archive-copy-writer.test.ts checks that both writers give
// the same rows. While it writes, checkpoints are spaced out (max_wal_size),
// then the setting is put back.
//
// Roll calls: a full one for a million acts is some 95 million attendance and
// vote rows, hours to write on two cores. The searched municipality's last
// two years carry theirs (a tenth of its acts: what a town that moved to
// Registre two years ago would have); every other act carries its vote's
// figures without names, as an archive imported from SCDL does.

export const MILLION_ARCHIVE_SEED = `${ARCHIVE_SEED}:million`;
const NEIGHBOURS = ["Val-de-Bench", "Bench-sur-Mer", "Saint-Bench", "Bench-les-Pins", "Mont-Bench", "Bench-la-Rivière", "Haut-Bench", "Bench-Village", "Pont-de-Bench"];
const NAMED_ROLL_CALL_YEARS = 2;

type Share = { municipality: ArchiveMunicipality; seed: string; scale: number; rollCallsFrom: number; deliberationCount: number };

function neighbour(index: number, communeName: string): ArchiveMunicipality {
  const siren = `2130${String(index + 1).padStart(2, "0")}0${index + 1}0`.slice(0, 9);
  return {
    ...BENCH_MUNICIPALITY,
    slug: `bench-voisine-${index + 1}`,
    name: `Commune de ${communeName}`,
    communeName,
    siren,
    siret: `${siren}00018`,
    address: `Mairie, place de la République, 13${String(200 + index * 10).padStart(3, "0")} ${communeName}`,
    email: `mairie@bench-voisine-${index + 1}.example.fr`,
    website: `https://www.bench-voisine-${index + 1}.example.fr`,
  };
}

/** The ten municipalities' shares of `total` acts, and the scale of the plan that gives each. */
export function planMillionArchive(total: number): Share[] {
  const base = planArchive(MILLION_ARCHIVE_SEED, 1).deliberationCount;
  const searched = total / 5;
  const each = (total - searched) / NEIGHBOURS.length;
  const share = (municipality: ArchiveMunicipality, seed: string, acts: number, rollCallsFrom: number): Share => {
    const scale = acts / base;
    return { municipality, seed, scale, rollCallsFrom, deliberationCount: planArchive(seed, scale).deliberationCount };
  };
  return [
    share(BENCH_MUNICIPALITY, MILLION_ARCHIVE_SEED, searched, LAST_YEAR - NAMED_ROLL_CALL_YEARS + 1),
    ...NEIGHBOURS.map((name, index) => share(neighbour(index, name), `${MILLION_ARCHIVE_SEED}:${index + 1}`, each, LAST_YEAR + 1)),
  ];
}

export type MillionArchiveReport = { deliberations: number; searched: number; generationSeconds: number | null; diskBytes: number; tableBytes: Record<string, number> };

/** A fresh database of the same name: the archive's tables refuse TRUNCATE, and DROP DATABASE is quicker anyway. */
async function recreateDatabase(connectionString: string) {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

/** Enough WAL between checkpoints for the whole archive: fewer full pages written again after each. */
const GENERATION_MAX_WAL_SIZE = "16GB";

/** The server's max_wal_size while the archive is written, then its default again (null). */
async function setMaxWalSize(connectionString: string, size: string | null) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(size === null ? "ALTER SYSTEM RESET max_wal_size" : `ALTER SYSTEM SET max_wal_size = ${client.escapeLiteral(size)}`);
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
}

async function writeShares(connectionString: string, shares: Share[], started: number, log: (line: string) => void) {
  for (const share of shares) {
    const report = await generateSyntheticArchive({
      connectionString,
      seed: share.seed,
      scale: share.scale,
      municipality: share.municipality,
      rollCallsFrom: share.rollCallsFrom,
      writer: "copy",
      analyze: false,
    });
    const elapsed = (performance.now() - started) / 1000;
    log(`  ${share.municipality.slug} : ${report.deliberationCount.toLocaleString("fr-FR")} délibérations en ${report.generationSeconds.toFixed(0)} s (${(report.deliberationCount / report.generationSeconds).toFixed(0)}/s ; ${elapsed.toFixed(0)} s au total)`);
  }
}

/**
 * Generates the archive into the database unless it already holds it (migrated, the runtime role granted), and
 * reports its size on disk. Run before the portal connects: another archive is dropped with its database.
 */
export async function prepareMillionArchive(
  connectionString: string,
  total: number,
  { runtimeRole, log }: { runtimeRole?: string; log: (line: string) => void },
): Promise<MillionArchiveReport> {
  await migrate({ connectionString, runtimeRole, log });
  const shares = planMillionArchive(total);
  const found = await Promise.all(shares.map((share) => countArchivedDeliberations(connectionString, share.municipality.slug)));
  const complete = shares.every((share, index) => found[index] === share.deliberationCount);
  const expected = shares.reduce((sum, share) => sum + share.deliberationCount, 0);
  let generationSeconds: number | null = null;
  if (complete && process.env.BENCH_REGENERATE !== "1") {
    log(`Archive réutilisée : ${expected.toLocaleString("fr-FR")} délibérations publiées dans ${shares.length} collectivités (BENCH_REGENERATE=1 pour la réécrire).`);
  } else {
    if (found.some((count) => count > 0)) {
      log("Archive différente ou incomplète : la base est recréée.");
      await recreateDatabase(connectionString);
      await migrate({ connectionString, runtimeRole, log });
    }
    log(`Génération de l'archive : ${expected.toLocaleString("fr-FR")} délibérations, ${shares.length} collectivités (dont ${shares[0]!.deliberationCount.toLocaleString("fr-FR")} pour ${BENCH_MUNICIPALITY.slug}, appels nominaux à partir de ${shares[0]!.rollCallsFrom})…`);
    const started = performance.now();
    await setMaxWalSize(connectionString, GENERATION_MAX_WAL_SIZE);
    try {
      await writeShares(connectionString, shares, started, log);
    } finally {
      await setMaxWalSize(connectionString, null);
    }
    const written = (performance.now() - started) / 1000;
    const vacuum = new pg.Client({ connectionString });
    await vacuum.connect();
    await vacuum.query("VACUUM (ANALYZE)").finally(() => vacuum.end());
    generationSeconds = (performance.now() - started) / 1000;
    log(`Archive écrite en ${generationSeconds.toFixed(0)} s : COPY ${written.toFixed(0)} s (${(expected / written).toFixed(0)} délibérations/s), VACUUM ANALYZE ${(generationSeconds - written).toFixed(0)} s.`);
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>(`SELECT pg_database_size(current_database())::text AS size`);
    const tables = await client.query<{ name: string; size: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`,
    );
    return {
      deliberations: expected,
      searched: shares[0]!.deliberationCount,
      generationSeconds,
      diskBytes: Number(rows[0]?.size ?? 0),
      tableBytes: Object.fromEntries(tables.rows.map((row) => [row.name, Number(row.size)])),
    };
  } finally {
    await client.end();
  }
}
