import pg from "pg";

/** One query against the portal's database (DATABASE_URL, given by the Playwright config). */
export async function queryOne<Row extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<Row | null> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL doit être défini pour les tests de bout en bout.");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query<Row>(sql, values);
    return result.rows[0] ?? null;
  } finally {
    await client.end();
  }
}

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

/** The number of one deliberation of the served municipality in the given status. */
export async function deliberationNumberWithStatus(status: "DRAFT" | "VOTED" | "TRANSMITTED" | "WITHDRAWN"): Promise<string | null> {
  const row = await queryOne<{ number: string }>(
    `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
     WHERE m.slug = $1 AND d.status = $2::deliberation_status
       AND NOT EXISTS (SELECT 1 FROM deliberation p WHERE p.municipality_id = d.municipality_id AND p.number = d.number AND p.status = 'PUBLISHED')
     ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY, status],
  );
  return row?.number ?? null;
}

/** A published deliberation that was withdrawn from the agenda. */
export async function withdrawnDeliberationNumber(): Promise<string | null> {
  const row = await queryOne<{ number: string }>(
    `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
     WHERE m.slug = $1 AND d.status = 'PUBLISHED' AND d.outcome = 'WITHDRAWN' ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY],
  );
  return row?.number ?? null;
}

/** A published deliberation voted by secret ballot. */
export async function secretBallotDeliberationNumber(): Promise<string | null> {
  const row = await queryOne<{ number: string }>(
    `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
     JOIN vote v ON v.deliberation_id = d.id
     WHERE m.slug = $1 AND d.status = 'PUBLISHED' AND v.secret ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY],
  );
  return row?.number ?? null;
}

/** A published deliberation the council rejected. */
export async function rejectedDeliberationNumber(): Promise<string | null> {
  const row = await queryOne<{ number: string }>(
    `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
     WHERE m.slug = $1 AND d.status = 'PUBLISHED' AND d.outcome = 'REJECTED' ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY],
  );
  return row?.number ?? null;
}

/** The id of a councillor of the reference council, by last name. */
export async function councillorId(lastName: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    `SELECT c.id FROM councillor c JOIN municipality m ON m.id = c.municipality_id WHERE m.slug = $1 AND c.last_name = $2 ORDER BY c.id LIMIT 1`,
    [MUNICIPALITY, lastName],
  );
  return row?.id ?? null;
}
