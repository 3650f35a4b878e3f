import { z } from "zod";

// The environment, read once and checked. Every variable has a default so that
// `npm start` works on a fresh machine with the embedded PostgreSQL.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server; without it, npm start runs the embedded one. */
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /** Where the embedded PostgreSQL (and later the signing keys) keep their files. */
  REGISTRE_DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL. */
  REGISTRE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Port of the web server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The portal's public address, for absolute links (feeds, QR codes, open data). */
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  /** The municipality this portal publishes (its slug). */
  REGISTRE_MUNICIPALITY: z.string().default("aix-en-provence"),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Configuration invalide : ${details}`);
  }
  return parsed.data;
}

export const env = readEnv();
