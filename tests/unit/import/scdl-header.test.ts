import { describe, expect, it } from "vitest";
import { detectDelimiter, looksLikeScdlHeader, normalizeColumnName, readHeader, scdlColumnOf } from "@/lib/import/scdl/header";
import { SCDL_COLUMNS, SPREADSHEET_HEADINGS } from "@/lib/opendata/scdl-columns";

describe("SCDL headers", () => {
  it("[scdl]: column names in any case, with spaces around or inside, name the schema's columns", () => {
    expect(normalizeColumnName(" Delib Date ")).toBe("DELIB_DATE");
    expect(scdlColumnOf("delib_id ")).toBe("DELIB_ID");
    expect(scdlColumnOf("Vote-Pour")).toBe("VOTE_POUR");
    expect(scdlColumnOf("VOTE_EFFFECTIF")).toBe("VOTE_EFFECTIF");
    expect(scdlColumnOf("VOTE_ABST")).toBe("VOTE_ABSTENTION");
    expect(scdlColumnOf("PUBLICATION_DATE")).toBeNull();
  });

  it("[scdl]: the portal's own spreadsheet headings read back as the schema's columns", () => {
    expect(SPREADSHEET_HEADINGS.map(scdlColumnOf)).toEqual([...SCDL_COLUMNS]);
    const read = readHeader([...SPREADSHEET_HEADINGS]);
    expect(read).toMatchObject({ ok: true, header: { spreadsheet: true, extraColumns: [] } });
  });

  it("[scdl]: extra columns are listed, unnamed ones by their place; missing optional ones too", () => {
    const read = readHeader(["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_OBJET", "PUBLICATION_DATE", "NATURE_ACTE", ""]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.header.extraColumns).toEqual(["PUBLICATION_DATE", "NATURE_ACTE", "colonne 8 (sans titre)"]);
    expect(read.header.missingColumns).toContain("VOTE_POUR");
    expect(read.header.positions).toMatchObject({ COLL_NOM: 0, DELIB_OBJET: 4 });
    expect(read.header.width).toBe(8);
    expect(read.header.spreadsheet).toBe(false);
  });

  it("[scdl]: a header without the columns an import needs, or naming one twice, is refused", () => {
    expect(readHeader(["COLL_NOM", "DELIB_ID", "DELIB_DATE"])).toMatchObject({ ok: false, reason: expect.stringMatching(/COLL_SIRET, DELIB_OBJET/) });
    expect(readHeader(["COLL_SIRET", "DELIB_ID", "delib_id", "DELIB_DATE", "DELIB_OBJET"])).toMatchObject({ ok: false, reason: expect.stringMatching(/deux fois la colonne DELIB_ID \(colonnes 2 et 3\)/) });
  });

  it("[scdl]: the separator is read from the header line", () => {
    expect(detectDelimiter("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE")).toBe(",");
    expect(detectDelimiter("COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE")).toBe(";");
    expect(detectDelimiter("COLL_NOM\tCOLL_SIRET\tDELIB_ID")).toBe("\t");
    // A comma inside a quoted heading does not decide.
    expect(detectDelimiter('"Nom, commune";COLL_SIRET;DELIB_ID')).toBe(";");
    expect(detectDelimiter("a;b;c")).toBe(";");
  });

  it("[scdl]: a first line with DELIB_ID and COLL_SIRET is an SCDL header", () => {
    expect(looksLikeScdlHeader("COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE")).toBe(true);
    expect(looksLikeScdlHeader("Collectivité;SIRET;Numéro;Date")).toBe(true);
    expect(looksLikeScdlHeader("nom,prenom,email")).toBe(false);
  });
});
