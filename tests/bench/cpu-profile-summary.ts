import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// BENCH_CPU_PROFILE=1: the web server runs under `node --cpu-prof`; this reads
// the profile it writes on exit and sums the sampled time by who spent it.

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const IDLE = "inactif";

const CATEGORIES: { label: string; matches: (url: string, functionName: string) => boolean }[] = [
  { label: "ramasse-miettes", matches: (_, name) => name === "(garbage collector)" },
  { label: IDLE, matches: (_, name) => name === "(idle)" },
  { label: "écritures socket (writev)", matches: (url, name) => !url && /^write/.test(name) },
  { label: "Prisma (client, compilateur de requêtes)", matches: (url) => /@prisma|lib\/db\/generated|query_compiler/.test(url) },
  { label: "pilote pg", matches: (url) => /node_modules\/(pg|pg-protocol|pg-types|pg-pool)\//.test(url) },
  { label: "Next.js + React (rendu RSC et HTML)", matches: (url) => /node_modules\/(next|react|react-dom)\//.test(url) },
  { label: "code de l'application (.next/server)", matches: (url) => url.includes("/.next/server/") },
  { label: "Node.js (noyau)", matches: (url) => url.startsWith("node:") },
];

function categorize(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  return CATEGORIES.find((category) => category.matches(url, functionName))?.label ?? "autre (natif, microtâches…)";
}

/** The newest profile in `directory`, as "share of sampled time" lines. */
export function summarizeCpuProfile(directory: string): string {
  const newest = readdirSync(directory)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(directory, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) return `Aucun profil CPU dans ${directory}.`;
  const profile = JSON.parse(readFileSync(newest, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    const category = categorize(node);
    totals.set(category, (totals.get(category) ?? 0) + delta);
    sampled += delta;
  });
  // Shares of the busy time: the server idles while the static file is measured.
  const idle = totals.get(IDLE) ?? 0;
  const busy = sampled - idle;
  const lines = [...totals]
    .filter(([category]) => category !== IDLE)
    .sort((a, b) => b[1] - a[1])
    .map(([category, micros]) => `  ${((100 * micros) / (busy || 1)).toFixed(1).padStart(5)} %  ${category}`);
  return [
    `Profil CPU du serveur web, ${(busy / 1e6).toFixed(1)} s actives sur ${(sampled / 1e6).toFixed(1)} s (${path.relative(process.cwd(), newest)}) :`,
    ...lines,
  ].join("\n");
}
