import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/create-user";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createPrismaClient } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

// npm run user:create -- --email greffe@mairie.fr --role CLERK [--name "…"] [--municipality slug]
// The password is read from REGISTRE_USER_PASSWORD, or asked without echo.

const USAGE = `Usage : npm run user:create -- --email adresse@mairie.fr --role ${ROLES.join("|")} [--name "Prénom Nom"] [--municipality slug]
Le mot de passe est lu dans REGISTRE_USER_PASSWORD, ou demandé (sans écho).`;

async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    reader.question(prompt, (answer) => {
      reader.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, municipality: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help || !values.email || !values.role) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const role = values.role.toUpperCase() as Role;
  const env = readEnv();
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL n'est pas défini : indiquez la base PostgreSQL du portail (celle de npm start est affichée à son démarrage).");
    return 2;
  }
  const password = process.env.REGISTRE_USER_PASSWORD ?? (await askPassword("Mot de passe : "));
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const user = await createUser(db, {
      municipalitySlug: values.municipality ?? env.REGISTRE_MUNICIPALITY,
      input: { email: values.email, name: values.name ?? values.email, role, password },
      actor: null,
    });
    console.log(`Compte créé : ${user.email} (${user.role}).`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      console.error(error.message);
      for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) console.error(`  ${field} : ${messages.join(" ")}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
