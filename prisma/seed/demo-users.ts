import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";

// Demo accounts, one per role, created only on the embedded database that
// `npm start` runs (never on a server given by DATABASE_URL): their password
// is public.

export const DEMO_PASSWORD = "registre-demo";

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.registre.fr", name: "Administratrice de démonstration", role: "ADMIN" },
  { email: "greffe@demo.registre.fr", name: "Greffier de démonstration", role: "CLERK" },
  { email: "agent@demo.registre.fr", name: "Agente de démonstration", role: "STAFF" },
];

/** Creates the demo accounts missing from the municipality `municipalitySlug`; returns how many were created. */
export async function seedDemoUsers(db: Db, options: { municipalitySlug: string }): Promise<number> {
  const municipality = await db.municipality.findUnique({ where: { slug: options.municipalitySlug }, select: { id: true } });
  if (!municipality) return 0;
  const existing = new Set(
    (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) } }, select: { email: true } })).map((user) => user.email),
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email));
  if (!missing.length) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const user of missing) {
      const created = await tx.user.create({
        data: { municipalityId: municipality.id, email: user.email, name: user.name, role: user.role, passwordHash },
        select: { id: true },
      });
      await appendAuditEvent(tx, {
        municipalityId: municipality.id,
        action: "user.create",
        entity: "user",
        entityId: created.id,
        after: { email: user.email, name: user.name, role: user.role, demo: true },
      });
    }
  });
  return missing.length;
}
