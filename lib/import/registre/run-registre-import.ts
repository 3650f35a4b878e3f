import { parseArgs } from "node:util";
import { runRegistreImport } from "./registre-import-command";

// A standalone runner of the portal import (npm run import -- file.ndjson does the same):
//   node --conditions=react-server --import tsx lib/import/registre/run-registre-import.ts <file.ndjson> [--municipality <slug>] [--dry-run] [--json]
// Exit code 0 imported (or checked, --dry-run), 1 refused, 2 bad usage or no database.

const say = (line: string) => console.error(`[registre] ${line}`);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { municipality: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file) {
    console.error("Usage : run-registre-import.ts <fichier.ndjson> [--municipality <slug>] [--dry-run] [--json]");
    return 2;
  }
  return runRegistreImport(file, values);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`Import impossible : ${(error as Error).message}`);
    process.exit(2);
  },
);
