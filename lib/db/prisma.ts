import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// One Prisma client per process, kept on globalThis so that Next's hot reload
// in development does not open a new pool at every change.
export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
/**
 * The client inside `db.$transaction(async (tx) => …)`.
 *
 * Every write use case comes in two parts, in one file:
 * - the core, `doThingInTransaction(tx, actor, input)`: works inside the
 *   caller's transaction, with an actor whose role is already checked (the
 *   `Editor`/`Admin` types of lib/auth/roles say which) and input already
 *   parsed; it checks the rules that need the database, writes and audits.
 *   Another use case, an import or the seed calls it inside its own
 *   transaction, so that everything they write commits or rolls back together;
 * - the wrapper, `doThing(options)`, the name pages, actions and tests call:
 *   checks the role, parses the form's input, opens the transaction and calls
 *   the core.
 */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { registrePrisma?: Db };

export function getPrisma(): Db {
  if (!globalForPrisma.registrePrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec npm start, qui démarre PostgreSQL.");
    globalForPrisma.registrePrisma = createPrismaClient(url);
  }
  return globalForPrisma.registrePrisma;
}

export * from "./generated/client";
