import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// What the application's source declares, read from the file system so that a
// test built on it cannot forget a server action, a page or a route handler
// added later.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");

/** Every file under `dir` (relative to the project root), as project-relative paths with forward slashes. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else found.push(child);
    }
  };
  visit(dir);
  return found.sort();
}

function read(file: string): string {
  return readFileSync(path.join(PROJECT_ROOT, file), "utf8");
}

/** `app/(admin)/admin/seances/[id]/page.tsx` → `/admin/seances/[id]`: route groups leave no trace in the address. */
export function routePattern(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((segment) => !/^\(.+\)$/.test(segment));
  return `/${segments.join("/")}`;
}

export type SourceAction = { file: string; name: string; parameters: { name: string; type: string }[] };

/** Splits a parameter list at its top-level commas (generics and object types may hold commas of their own). */
function splitParameters(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if ("<{[(".includes(char)) depth += 1;
    if (">}])".includes(char)) depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/**
 * Every exported function of every module that starts with "use server", in
 * app/, components/ and lib/, with its parameters as written.
 */
export function sourceServerActions(): SourceAction[] {
  const modules = ["app", "components", "lib"]
    .flatMap(filesUnder)
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("lib/db/generated/"))
    .filter((file) => /^\s*(["'])use server\1;?\s*$/m.test(read(file).split("\n").find((line) => line.trim() && !line.trim().startsWith("//")) ?? ""));
  return modules.flatMap((file) =>
    [...read(file).matchAll(/export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/g)].map(([, name, list]) => ({
      file,
      name: name!,
      parameters: splitParameters(list!).map((parameter) => {
        const [parameterName, ...type] = parameter.split(":");
        return { name: parameterName!.replace("?", "").trim(), type: type.join(":").trim() };
      }),
    })),
  );
}

/** Every page of the back office, as `{ file, pattern }` (`/admin/elus/[id]`). */
export function adminPages(): { file: string; pattern: string }[] {
  return filesUnder("app/(admin)/admin")
    .filter((file) => file.endsWith("/page.tsx"))
    .map((file) => ({ file, pattern: routePattern(file) }));
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Every route handler of the app with the HTTP methods its module exports (function, constant or re-export). */
export function routeHandlers(): { file: string; pattern: string; methods: HttpMethod[] }[] {
  return filesUnder("app")
    .filter((file) => /\/route\.tsx?$/.test(file))
    .map((file) => {
      const source = read(file);
      const exported = new Set<string>();
      for (const [, name] of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)) exported.add(name!);
      for (const [, list] of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const item of list!.split(",")) exported.add(item.trim().split(/\s+as\s+/).pop()!.trim());
      }
      return { file, pattern: routePattern(file), methods: HTTP_METHODS.filter((method) => exported.has(method)) };
    });
}
