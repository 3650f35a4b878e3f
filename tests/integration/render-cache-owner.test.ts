import { describe, expect, it } from "vitest";
import { databaseIdentity } from "@/lib/cache/database-bound-cache";
import { migrate } from "@/lib/db/migrate";
import { createDatabase } from "./support/database";

describe("the database Next's disk cache belongs to", () => {
  it("[cache]: one database keeps its identity; a re-created one, or another, has a different one", async () => {
    const first = await createDatabase("registre_cache_owner", { migrated: false });
    await migrate({ connectionString: first });
    const identity = await databaseIdentity(first);
    expect(identity).toMatch(/^registre_cache_owner \d{4}-\d\d-\d\dT/);
    expect(await databaseIdentity(first)).toBe(identity);

    // `rm -rf .data && npm start`: the same name, migrated anew.
    const again = await createDatabase("registre_cache_owner", { migrated: false });
    await migrate({ connectionString: again });
    expect(await databaseIdentity(again)).not.toBe(identity);

    const other = await createDatabase("registre_cache_owner_other");
    expect(await databaseIdentity(other)).not.toBe(await databaseIdentity(again));
  });
});
