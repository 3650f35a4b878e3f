import { randomUUID } from "node:crypto";
import { hashPassword } from "../../../lib/auth/password";
import { queryOne } from "../public/support/db";

// An account of its own for a test that signs in and out, fails passwords or
// is delayed: the demo accounts are shared with the rest of the suite.

export const TEST_PASSWORD = "un mot de passe de test assez long";

export async function createTestAccount(role: "ADMIN" | "CLERK" | "STAFF", label: string): Promise<{ id: string; email: string; password: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.registre.fr`;
  const row = await queryOne<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, name, password_hash, role)
     SELECT id, $2, $3, $4, $5::user_role FROM municipality WHERE slug = $1 RETURNING id`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence", email, `Compte de test ${label}`, await hashPassword(TEST_PASSWORD), role],
  );
  return { id: row!.id, email, password: TEST_PASSWORD };
}
