import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next*/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // zod only through lib/validations/zod.ts (see there). Repeated in the lib/ block below, whose rule replaces this one.
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/validations/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^zod(/.*)?$", allowTypeImports: true, message: "Import z from @/lib/validations/zod, which configures zod for the portal's CSP before any schema is built." },
          ],
        },
      ],
    },
  },
  // Dependencies run one way (README, "Architecture"): lib/domain depends on
  // nothing; the modules a deliberation builds on (sittings, councillors,
  // attendance, publication, auth, municipality) never reach back into
  // lib/deliberations; lib/sittings never reaches into it either. lib/agenda
  // comes after it: a deliberation item creates its draft through its core.
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./)", message: "lib/domain is pure: it imports only its own files (./…)." }] },
      ],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/validations/zod.ts", "lib/domain/**", "lib/deliberations/**", "lib/agenda/**", "lib/extracts/**", "lib/opendata/**", "lib/search/**", "lib/councillor-records/**", "lib/statistics/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/deliberations/*", "../deliberations/*"], message: "This module comes before lib/deliberations: move the helper it needs to the module that owns it." },
            { group: ["@/app/*", "@/components/*"], message: "lib/ does not depend on pages or components." },
            { regex: "^zod(/.*)?$", allowTypeImports: true, message: "Import z from @/lib/validations/zod, which configures zod for the portal's CSP before any schema is built." },
          ],
        },
      ],
    },
  },
]);
