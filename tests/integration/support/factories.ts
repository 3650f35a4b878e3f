import { randomUUID } from "node:crypto";
import type pg from "pg";

// Minimal records written with plain SQL, so that the database's own rules
// are what the tests exercise.

export type Fixture = { municipalityId: string; councillorIds: string[]; sittingId: string };

let counter = 0;

export async function insertMunicipality(client: pg.Client, options: { slug?: string; members?: number } = {}): Promise<Fixture> {
  counter += 1;
  const municipalityId = randomUUID();
  const members = options.members ?? 5;
  await client.query(
    `INSERT INTO municipality (id, slug, name, commune_name, siren, siret, department_code, address,
       administrative_court, members_in_office, appeal_notice)
     VALUES ($1, $2, $3, $4, '211300017', '21130001700011', '013', 'Hôtel de Ville',
       'Tribunal administratif de Marseille', $5, 'Recours possible dans un délai de deux mois.')`,
    [municipalityId, options.slug ?? `commune-${counter}-${municipalityId.slice(0, 8)}`, `Commune ${counter}`, `Commune ${counter}`, members],
  );
  const councillorIds: string[] = [];
  for (let index = 0; index < members; index += 1) {
    const id = randomUUID();
    councillorIds.push(id);
    await client.query(
      `INSERT INTO councillor (id, municipality_id, civility, first_name, last_name, role, mandate_start)
       VALUES ($1, $2, $3, $4, $5, $6, '2020-07-04')`,
      [id, municipalityId, index % 2 ? "MADAME" : "MONSIEUR", `Prénom${index}`, `NOM${index}`, index === 0 ? "MAYOR" : "COUNCILLOR"],
    );
  }
  const sittingId = randomUUID();
  await client.query(
    `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
     VALUES ($1, $2, '2022-04-07T12:00:00Z', 'Salle du conseil', '2022-04-01', $3, $3, $4)`,
    [sittingId, municipalityId, councillorIds[0], councillorIds[1]],
  );
  return { municipalityId, councillorIds, sittingId };
}

export async function insertDeliberation(
  client: pg.Client,
  fixture: Fixture,
  options: { year?: number; sequence?: number; status?: string; outcome?: string | null; subject?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const year = options.year ?? 2022;
  const sequence = options.sequence ?? 1;
  await client.query(
    `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject,
       matter_code, report, proposals, status, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, '7.10', 'Rapport.', 'APPROUVER.', $8, $9)`,
    [id, fixture.municipalityId, fixture.sittingId, `DL.${year}-${sequence}`, year, sequence,
      options.subject ?? "Objet de test", options.status ?? "DRAFT", options.outcome ?? null],
  );
  return id;
}

/** A back-office account (no usable password: use cases take the session user directly). */
export async function insertUser(
  client: pg.Client,
  municipalityId: string,
  role: "ADMIN" | "CLERK" | "STAFF",
  email: string,
): Promise<{ id: string; municipalityId: string; email: string; name: string; role: "ADMIN" | "CLERK" | "STAFF" }> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, name, password_hash, role) VALUES ($1, $2, $3, 'x', $4) RETURNING id`,
    [municipalityId, email, email, role],
  );
  return { id: rows[0]!.id, municipalityId, email, name: email, role };
}
