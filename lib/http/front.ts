import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import pg from "pg";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, type TrustedProxies } from "./client-address";
import type { PageCopies } from "./page-copies";
import { storedPathOf, type StoredPages } from "./stored-pages";
import { guardRequest, refusalPage } from "./request-guard";

// The thin front of the web process (lib/db/cli/web.ts), in the same process as
// Next, before it: no extra network hop. It does the two things only the place
// where the socket is seen can do:
// - the client's address, from the socket (REGISTRE_TRUSTED_PROXIES applied),
//   handed to the application in a header of its own that no client can set;
// - the copies of cached pages (page-copies.ts), served on the lightest path,
//   and the pages stored for every instance (stored-pages.ts) when this
//   process has no copy of them;
// - while PostgreSQL is unreachable (a restart, an outage), a server error is
//   answered 503 with Retry-After and a French page instead of Next's 500, which
//   the App Router cannot turn into a 503 itself. Cached pages never reach the
//   database and keep being served.

/** Seconds the 503 asks clients to wait. */
export const RETRY_AFTER_SECONDS = 5;

/** After an unreachable database was seen, errors within this long are still taken for the outage (its last instants). */
const OUTAGE_MEMORY_MS = 5_000;

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service momentanément indisponible · Registre des délibérations</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b}header,main{max-width:48rem;margin:0 auto;padding:1rem 1.5rem}header{border-bottom:1px solid #ccc}h1{font-size:1.75rem}</style>
</head>
<body>
<header><p><strong>Registre des délibérations du conseil municipal</strong></p></header>
<main id="contenu">
<h1>Service momentanément indisponible</h1>
<p>Le registre ne peut pas lire sa base de données en ce moment (maintenance ou incident). Rien de ce qui était enregistré n'est perdu.</p>
<p>Réessayez dans quelques secondes : la page se rechargera d'elle-même.</p>
<p><a href="">Recharger la page</a></p>
</main>
<script>setTimeout(function(){location.reload()},${RETRY_AFTER_SECONDS * 1000})</script>
</body>
</html>
`;

/** Whether PostgreSQL answers, asked at most once at a time and remembered for a second. */
export function databaseProbe(connectionString: string, options: { timeoutMs?: number } = {}): () => Promise<boolean> {
  let last: { at: number; reachable: boolean } | undefined;
  let pending: Promise<boolean> | undefined;
  const ask = async (): Promise<boolean> => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: options.timeoutMs ?? 1_000, query_timeout: options.timeoutMs ?? 1_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      void client.end().catch(() => {});
    }
  };
  return () => {
    if (last && Date.now() - last.at < 1_000) return Promise.resolve(last.reachable);
    pending ??= ask().then((reachable) => {
      last = { at: Date.now(), reachable };
      pending = undefined;
      return reachable;
    });
    return pending;
  };
}

/** Decides, for a server error, whether the database is the cause: unreachable now, or moments ago. */
export function outageDetector(databaseReachable: () => Promise<boolean>): () => Promise<boolean> {
  let lastUnreachableAt = 0;
  return async () => {
    if (!(await databaseReachable())) {
      lastUnreachableAt = Date.now();
      return true;
    }
    return Date.now() - lastUnreachableAt < OUTAGE_MEMORY_MS;
  };
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Holds back a response whose status is a server error (other than 503) until
 * it ends; then either lets it through unchanged or, during a database outage,
 * replaces it with the 503 page.
 */
function guardServerErrors(res: ServerResponse, duringOutage: () => Promise<boolean>) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: { head: unknown[]; chunks: unknown[][] } | undefined;
  const callbackOf = (args: unknown[]) => args.find((arg): arg is WriteCallback => typeof arg === "function");

  res.writeHead = ((...args: unknown[]) => {
    const status = Number(args[0]);
    if (held) return res;
    if (status >= 500 && status !== 503) {
      held = { head: args, chunks: [] };
      return res;
    }
    return writeHead(...args);
  }) as typeof res.writeHead;

  res.write = ((...args: unknown[]) => {
    if (!res.headersSent && !held && res.statusCode >= 500 && res.statusCode !== 503) res.writeHead(res.statusCode);
    if (!held) return write(...args);
    held.chunks.push(args.filter((arg) => typeof arg !== "function"));
    const callback = callbackOf(args);
    if (callback) queueMicrotask(() => callback(null));
    return true;
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    if (!res.headersSent && !held && res.statusCode >= 500 && res.statusCode !== 503) res.writeHead(res.statusCode);
    if (!held) return end(...args);
    const { head, chunks } = held;
    const last = args.filter((arg) => typeof arg !== "function");
    void duringOutage()
      .catch(() => false)
      .then((outage) => {
        if (res.destroyed) return;
        if (!outage) {
          writeHead(...head);
          for (const chunk of chunks) write(...chunk);
          end(...last);
          return;
        }
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        const body = Buffer.from(UNAVAILABLE_PAGE, "utf8");
        writeHead(503, {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Length": String(body.length),
          "Retry-After": String(RETRY_AFTER_SECONDS),
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
        end(res.req?.method === "HEAD" ? undefined : body);
      });
    return res;
  }) as typeof res.end;
}

/** The front: requests that cannot name anything refused, client address from the socket, copies of cached pages, 503 during a database outage, then Next. */
export function createFront(options: {
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  trusted: TrustedProxies;
  duringOutage: () => Promise<boolean>;
  copies?: PageCopies;
  stored?: StoredPages;
  /** The renderer's own requests (render-ahead.ts) go to Next, which makes the copy it stores. */
  isRenderAhead?: (req: IncomingMessage) => boolean;
}): RequestListener {
  return (req, res) => {
    const refusal = guardRequest(req.method, req.url);
    if (refusal) {
      const body = Buffer.from(refusalPage(refusal), "utf8");
      res.writeHead(refusal.status, {
        ...refusal.headers,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": String(body.length),
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    // Whatever a client sent under this name is dropped: only the front speaks it.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trusted: options.trusted,
    });
    if (options.copies?.serve(req, res)) return;
    const toNext = () => {
      guardServerErrors(res, options.duringOutage);
      options.copies?.watch(req, res);
      void options.handle(req, res);
    };
    if (!options.stored || !storedPathOf(req) || options.isRenderAhead?.(req)) return toNext();
    void options.stored.serve(req, res).then((served) => {
      if (served) options.copies?.adopt(req, served);
      else toNext();
    });
  };
}
