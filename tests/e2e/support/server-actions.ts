import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { PROJECT_ROOT, routePattern } from "./app-source";

// Server actions called over HTTP exactly as Next 16's client router does:
// POST to a page of the action's module with `Next-Action: <id>`, the
// arguments encoded by React's encodeReply (for plain JSON values: one JSON
// text, sent as text/plain), and the answer read from the RSC stream.

/** The build the e2e portal serves (serve.ts and next.config.ts read the same variable). */
export const DIST_DIR = path.resolve(PROJECT_ROOT, process.env.REGISTRE_NEXT_DIST_DIR ?? ".next");

export type BuiltAction = { id: string; file: string; name: string; pages: string[] };

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** The served build's server actions: `server-reference-manifest.json` names each id's module and export, and the pages that import it. */
export function builtServerActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
    edge: Record<string, ManifestEntry>;
  };
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    // "app/(admin)/admin/seances/[id]/page" → "/admin/seances/[id]"
    pages: Object.keys(entry.workers)
      .filter((worker) => worker.endsWith("/page"))
      .map((worker) => routePattern(`${worker}.tsx`)),
  }));
}

/** React's encodeReply for plain JSON values: strings starting with "$" are escaped; anything richer is refused here. */
export function encodeReply(args: readonly unknown[]): string {
  const check = (value: unknown): unknown => {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
    if (typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0)) return value;
    if (Array.isArray(value)) return value.map(check);
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, check(item)]));
    }
    throw new Error(`encodeReply: ${String(value)} is not a plain JSON value (React would send it as multipart)`);
  };
  return JSON.stringify(check(args));
}

/**
 * Splits an RSC (Flight) response into its rows, as React's client does:
 * `<hex id>:<row>\n`, except rows tagged T (text) and the binary tags, which
 * carry `<hex byte length>,` and no newline.
 */
function flightRows(body: Buffer): Map<number, { tag: string; text: string }> {
  const rows = new Map<number, { tag: string; text: string }>();
  const lengthTagged = new Set("TAOobUSsLlGgMmV");
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(":", at);
    if (colon < 0) throw new Error(`Flight: row without id at byte ${at}`);
    const id = Number.parseInt(body.subarray(at, colon).toString("latin1"), 16);
    const first = String.fromCharCode(body[colon + 1]!);
    if (lengthTagged.has(first)) {
      const comma = body.indexOf(",", colon + 2);
      const length = Number.parseInt(body.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, { tag: first, text: body.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      at = comma + 1 + length;
    } else {
      const end = body.indexOf("\n", colon + 1);
      const stop = end < 0 ? body.length : end;
      const tagged = /[A-Z#rx]/.test(first);
      rows.set(id, { tag: tagged ? first : "", text: body.subarray(colon + (tagged ? 2 : 1), stop).toString("utf8") });
      at = stop + 1;
    }
  }
  return rows;
}

/** The value a fetch action returned: row 0's `a`, with the few Flight encodings plain results use resolved. */
export function decodeActionResult(body: Buffer): unknown {
  const rows = flightRows(body);
  const model = (id: number): unknown => {
    const row = rows.get(id);
    if (!row) throw new Error(`Flight: row ${id} missing`);
    if (row.tag) throw new Error(`Flight: row ${id} is "${row.tag}", not a model: ${row.text.slice(0, 200)}`);
    return revive(JSON.parse(row.text));
  };
  const revive = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("$")) {
      if (value.startsWith("$$")) return value.slice(1);
      if (value === "$undefined") return undefined;
      const reference = /^\$@?([0-9a-f]+)$/.exec(value);
      if (reference) return model(Number.parseInt(reference[1]!, 16));
      throw new Error(`Flight: encoding ${value} not expected in an action's result`);
    }
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item)]));
    return value;
  };
  // Row 0 may also carry the re-rendered page (after a revalidation): only its `a` is the action's result.
  const root = rows.get(0);
  const parsed = root && !root.tag ? (JSON.parse(root.text) as Record<string, unknown>) : null;
  if (!parsed || !("a" in parsed)) throw new Error(`Flight: row 0 carries no action result: ${root?.text.slice(0, 200)}`);
  return revive(parsed.a);
}

export type ActionAnswer = { status: number; contentType: string; result: unknown };

/** Calls one server action as the browser does, from `pagePath` (a page that imports the action's module). */
export async function callServerAction(
  request: APIRequestContext,
  options: { baseURL: string; pagePath: string; actionId: string; args: readonly unknown[] },
): Promise<ActionAnswer> {
  const response = await request.post(options.pagePath, {
    headers: {
      Accept: "text/x-component",
      "Next-Action": options.actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      // Next refuses an action whose Origin differs from its Host (CSRF); a browser always sends it.
      Origin: new URL(options.baseURL).origin,
    },
    data: encodeReply(options.args),
    maxRedirects: 0,
  });
  const contentType = response.headers()["content-type"] ?? "";
  const body = await response.body();
  if (!contentType.startsWith("text/x-component")) {
    return { status: response.status(), contentType, result: { unreadable: body.toString("utf8").slice(0, 300) } };
  }
  return { status: response.status(), contentType, result: decodeActionResult(body) };
}
