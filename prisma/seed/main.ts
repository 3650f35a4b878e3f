import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase, type SeedResult } from "./seed";

// npm run db:seed [-- --no-demo] (under --conditions=react-server: the seed calls the server-only use-case cores)
// Writes the reference case and, unless --no-demo, the demo data into the
// database named by DATABASE_URL. Safe to run again: nothing is written twice.

const USAGE = "Usage : DATABASE_URL=postgresql://… npm run db:seed [-- --no-demo]";

const REFERENCE_WORDING: Record<SeedResult["reference"], string> = {
  created: "créé",
  present: "déjà présent, inchangé",
};

const DEMO_WORDING: Record<SeedResult["demo"], string> = {
  created: "créées",
  present: "déjà présentes, inchangées",
  skipped: "non demandées (--no-demo)",
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--no-demo");
  if (unknown.length > 0) {
    console.error(`Option inconnue : ${unknown.join(" ")}\n${USAGE}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL n'est pas défini : indiquez la base PostgreSQL à remplir.\n${USAGE}`);
    return 1;
  }

  const db = createPrismaClient(url);
  try {
    const result = await seedDatabase(db, { demo: !args.includes("--no-demo"), log: (line) => console.log(line) });
    console.log("Remplissage terminé :");
    console.log(`- cas de référence (Aix-en-Provence, DL.2022-91) : ${REFERENCE_WORDING[result.reference]} ;`);
    console.log(`- données de démonstration : ${DEMO_WORDING[result.demo]}.`);
    return 0;
  } catch (error) {
    console.error("Échec du remplissage de la base : rien n'a été écrit pour la partie en cause.");
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
