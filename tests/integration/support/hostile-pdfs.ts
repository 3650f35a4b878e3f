import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";

// PDFs with active content, made the ways an attacker would: through pdf-lib
// (which writes compressed object streams by default), by hand with escaped
// names, and rewritten by qpdf (object streams, encryption).

/** A one-page PDF whose catalogue gets `entries` (values made by pdf-lib's context). */
async function withCatalog(build: (document: PDFDocument) => void): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  build(document);
  return document.save({ useObjectStreams: true });
}

export async function cleanPdf(): Promise<Uint8Array> {
  return withCatalog((document) => {
    // A web link is not active content.
    const link = document.context.obj({ S: "URI", URI: PDFString.of("https://www.example.org/") });
    document.catalog.set(PDFName.of("URI"), document.context.register(link));
  });
}

export const openActionJavaScript = () =>
  withCatalog((document) => {
    const action = document.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('annexe')") });
    document.catalog.set(PDFName.of("OpenAction"), document.context.register(action));
  });

export const namedJavaScript = () =>
  withCatalog((document) => {
    const script = document.context.obj({ S: "JavaScript", JS: PDFString.of("this.print()") });
    const tree = document.context.obj({ Names: [PDFString.of("init"), document.context.register(script)] });
    document.catalog.set(PDFName.of("Names"), document.context.obj({ JavaScript: document.context.register(tree) }));
  });

export const launchAction = () =>
  withCatalog((document) => {
    const action = document.context.obj({ S: "Launch", F: PDFString.of("calc.exe") });
    document.catalog.set(PDFName.of("OpenAction"), document.context.register(action));
  });

export async function embeddedFile(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  await document.attach(Buffer.from("MZ pas un vrai programme"), "facture.exe", { mimeType: "application/octet-stream" });
  return document.save();
}

/** Written by hand: `/J#53` and `/S /Java#53cript` are /JS and /JavaScript once the names are decoded. */
export function escapedNamesJavaScript(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /S /Java#53cript /J#53 (app.alert\\(1\\)) >>",
  ];
  let body = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Runs qpdf on `input` with `args`; qpdf exits 3 on warnings, which still gives a file. */
function qpdf(input: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "registre-qpdf-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), input);
    try {
      execFileSync("qpdf", [...args, path.join(dir, "in.pdf"), path.join(dir, "out.pdf")], { stdio: "pipe" });
    } catch (error) {
      if ((error as { status?: number }).status !== 3) throw error;
    }
    return readFileSync(path.join(dir, "out.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The hand-written file's action moved into a compressed object stream by qpdf. */
export const javaScriptInQpdfObjectStream = () => qpdf(escapedNamesJavaScript(), ["--object-streams=generate", "--compress-streams=y"]);

/** A clean file encrypted with a user password: its objects cannot be read through. */
export const encryptedPdf = async () => qpdf(await cleanPdf(), ["--encrypt", "lecture", "proprietaire", "256", "--"]);
