import { describe, expect, it } from "vitest";
import { assertNoActiveContent, findActiveContent } from "@/lib/deliberations/pdf-active-content";
import {
  cleanPdf,
  embeddedFile,
  encryptedPdf,
  escapedNamesJavaScript,
  javaScriptInQpdfObjectStream,
  launchAction,
  namedJavaScript,
  openActionJavaScript,
} from "../integration/support/hostile-pdfs";

describe("annexes: active content", () => {
  it("[annexes]: a plain PDF with a web link carries no active content", async () => {
    expect(await findActiveContent(await cleanPdf())).toEqual([]);
    await expect(assertNoActiveContent(await cleanPdf())).resolves.toBeUndefined();
  });

  it("[annexes]: JavaScript is found in an OpenAction and in the document's named scripts, inside compressed object streams", async () => {
    const opening = await openActionJavaScript();
    expect(Buffer.from(opening).includes("JavaScript")).toBe(false);
    expect(await findActiveContent(opening)).toEqual(["javascript"]);
    expect(await findActiveContent(await namedJavaScript())).toEqual(["javascript"]);
  });

  it("[annexes]: names written with #xx escapes are read decoded, in the file and in qpdf's object streams", async () => {
    expect(await findActiveContent(escapedNamesJavaScript())).toEqual(["javascript"]);
    const compressed = javaScriptInQpdfObjectStream();
    expect(Buffer.from(compressed).includes("J#53")).toBe(false);
    expect(await findActiveContent(compressed)).toEqual(["javascript"]);
  });

  it("[annexes]: launch actions, attached files and encrypted files are found", async () => {
    expect(await findActiveContent(await launchAction())).toEqual(["launch"]);
    expect(await findActiveContent(await embeddedFile())).toEqual(["embedded-file"]);
    expect(await findActiveContent(await encryptedPdf())).toEqual(["unreadable"]);
  });

  it("[annexes]: the refusal says in French what was found and how to get a clean copy", async () => {
    await expect(assertNoActiveContent(await launchAction())).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/^Ce PDF contient une commande qui lance une application : il est refusé.*« Imprimer »/)] },
    });
    const both = await openActionJavaScript();
    await expect(assertNoActiveContent(both)).rejects.toMatchObject({ fieldErrors: { file: [expect.stringContaining("Ce PDF contient du JavaScript :")] } });
  });
});
