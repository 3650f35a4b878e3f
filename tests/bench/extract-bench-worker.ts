import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db/prisma";
import { buildSignedDeliberationExtract } from "@/lib/extracts/build-deliberation-extract";
import { renderDeliberationExtract } from "@/lib/extracts/render-deliberation-extract";
import { createKeyDocumentSigner } from "@/lib/signing/key-document-signer";
import { loadOrCreateDevelopmentIdentity } from "@/lib/signing/development-identity";
import { seedDatabase } from "@/prisma/seed/seed";

// The CPU half of the extract bench, in its own process (run with
// --conditions=react-server so that the data modules' `server-only` guard
// resolves): builds the reference extract (DL.2022-91) unsigned and signed,
// alternately, and prints the timings as JSON. Reads { databaseUrl, iterations }.

type Job = { databaseUrl: string; iterations: number };

export type WorkerResult = { unsigned: number[]; signed: number[]; unsignedBytes: number; signedBytes: number };

async function main() {
  const job = JSON.parse(process.argv[2] ?? "") as Job;
  process.env.DATABASE_URL = job.databaseUrl;
  const db = createPrismaClient(job.databaseUrl);
  // The reference case is the subject of the measure: stored if the bench database lacks it.
  await seedDatabase(db, { demo: false });
  const municipality = await db.municipality.findUniqueOrThrow({
    where: { slug: "aix-en-provence" },
    select: { id: true, name: true, communeName: true, appealNotice: true, annexNotice: true, timeZone: true },
  });
  const { getPublishedDeliberation } = await import("@/lib/deliberations/get-published-deliberation");
  const deliberation = await getPublishedDeliberation({ municipalityId: municipality.id, number: "DL.2022-91" });
  if (!deliberation) throw new Error("DL.2022-91 introuvable");
  await db.$disconnect();

  const identity = await loadOrCreateDevelopmentIdentity(mkdtempSync(path.join(tmpdir(), "registre-bench-")));
  const { X509Certificate } = await import("node:crypto");
  const signer = createKeyDocumentSigner({
    privateKey: identity.leafKeyPem,
    certificateChain: [new Uint8Array(new X509Certificate(identity.leafPem).raw), new Uint8Array(new X509Certificate(identity.rootPem).raw)],
    source: "development",
  });
  const issuedAt = new Date();
  // The same document both ways: the unsigned build carries the same seal text, only the signature differs.
  const seal = { kind: "certified" as const, signerName: "Registre", issuedAt, verificationCode: "BENC-H000-0000", verificationUrl: "http://127.0.0.1/verifier?code=BENC-H000-0000" };

  const unsignedBuild = async () => (await renderDeliberationExtract({ municipality, deliberation, seal })).save({ useObjectStreams: false });
  const signedBuild = async () =>
    (await buildSignedDeliberationExtract({ municipality, deliberation, signer, baseUrl: "http://127.0.0.1", issuedAt, verificationCode: "BENC-H000-0000" })).bytes;

  const result: WorkerResult = { unsigned: [], signed: [], unsignedBytes: 0, signedBytes: 0 };
  for (let warmup = 0; warmup < 3; warmup += 1) {
    result.unsignedBytes = (await unsignedBuild()).length;
    result.signedBytes = (await signedBuild()).length;
  }
  // Alternated, so that both see the same machine load.
  for (let index = 0; index < job.iterations; index += 1) {
    let start = performance.now();
    await unsignedBuild();
    result.unsigned.push(performance.now() - start);
    start = performance.now();
    await signedBuild();
    result.signed.push(performance.now() - start);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
