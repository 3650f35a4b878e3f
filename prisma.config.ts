import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection for its CLI here; the application connects
// through the pg driver adapter in lib/db/client.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/registre" },
});
