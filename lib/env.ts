import { z } from "@/lib/validations/zod";

// The environment, read once and checked. Every variable has a default so that
// `npm start` works on a fresh machine with the embedded PostgreSQL.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server; without it, npm start runs the embedded one. */
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /**
   * The owner's connection to the same database, for migrations (npm start,
   * npm run db:migrate); DATABASE_URL is then the runtime role's, which the
   * migrations grant what the portal needs. Without it, DATABASE_URL does both.
   */
  DATABASE_OWNER_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /** Where the embedded PostgreSQL (and later the signing keys) keep their files. */
  REGISTRE_DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL. */
  REGISTRE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Port of the web server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the web server listens on (every interface by default; 127.0.0.1 behind a reverse proxy on the same machine). */
  REGISTRE_LISTEN_HOST: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /**
   * The portal's public address, for absolute links (feeds, QR codes, open data).
   * Without it, http://localhost:<PORT>: the port actually served (see publicBaseUrlConfigured).
   */
  PUBLIC_BASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /** The municipality this portal publishes (its slug). */
  REGISTRE_MUNICIPALITY: z.string().default("aix-en-provence"),
  /** The identity that signs extracts: a PKCS#12 file (path, or its content in base64) and its passphrase. */
  REGISTRE_SIGNING_P12_PATH: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  REGISTRE_SIGNING_P12_BASE64: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  REGISTRE_SIGNING_P12_PASSPHRASE: z.string().default(""),
  /**
   * "1" lets a production build sign with the development identity: set by
   * npm start on its embedded database (a demonstration install) and by the
   * bench, never to be set on a real server.
   */
  REGISTRE_DEVELOPMENT_SIGNING: z.enum(["0", "1"]).default("0"),
  /** Minutes between two signed checkpoints of the audit trail under npm start (0: only on publication and by npm run audit:checkpoint). */
  REGISTRE_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).default(60),
  /** Memory for the front's copies of cached public pages (lib/http/page-copies.ts), in MiB; 0 turns them off. */
  REGISTRE_PAGE_COPIES_MB: z.coerce.number().int().min(0).default(64),
  /**
   * Minutes between two passes of the renderer (lib/http/render-ahead.ts), which stores the page of every act and
   * sitting the sitemap lists, for every instance; 0 turns it off (pages are then stored as they are first visited).
   */
  REGISTRE_RENDER_AHEAD_MINUTES: z.coerce.number().min(0).default(10),
  /** Signs the back office's session cookies; required in production (see authSecret). */
  NEXTAUTH_SECRET: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(32).optional()),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses
   * and CIDR blocks); without it, the client is the socket's peer.
   */
  REGISTRE_TRUSTED_PROXIES: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /**
   * The SMTP server that e-mails the convocations (nodemailer). Without SMTP_HOST, the clerk records
   * the sending by hand. SMTP_SECURE "1": TLS from the start (port 465); otherwise STARTTLS when offered.
   */
  SMTP_HOST: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(["0", "1"]).default("0"),
  SMTP_USER: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  SMTP_PASSWORD: z.string().default(""),
  /** The sender of the convocations, e.g. "Mairie de Villeneuve <assemblees@mairie.fr>"; required with SMTP_HOST. */
  SMTP_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /** The back office's address as the browser sees it; npm start sets it to PUBLIC_BASE_URL. */
  NEXTAUTH_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
}).transform((parsed) => ({
  ...parsed,
  PUBLIC_BASE_URL: parsed.PUBLIC_BASE_URL ?? localBaseUrl(parsed.PORT),
  /** Whether PUBLIC_BASE_URL was given: a real signing identity prints it on every extract, so it must not be guessed. */
  publicBaseUrlConfigured: parsed.PUBLIC_BASE_URL !== undefined,
}));

/** The default public address: this machine, on the port the portal serves. */
function localBaseUrl(port: number): string {
  return `http://localhost:${port}`;
}

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

/** Development only: a production server refuses to sign sessions with a key everyone knows. */
export const DEVELOPMENT_AUTH_SECRET = "registre-development-secret-not-for-production";

/** The key that signs sessions: NEXTAUTH_SECRET, or the development default outside production. */
export function authSecret(source: Env = env): string {
  if (source.NEXTAUTH_SECRET && source.NEXTAUTH_SECRET !== DEVELOPMENT_AUTH_SECRET) return source.NEXTAUTH_SECRET;
  if (source.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET doit être défini en production (32 caractères au moins, par exemple : openssl rand -base64 32).");
  }
  return DEVELOPMENT_AUTH_SECRET;
}
